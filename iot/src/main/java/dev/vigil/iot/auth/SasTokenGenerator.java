package dev.vigil.iot.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/** Writes device SAS tokens as the device SDKs do; used by the simulator and the tests. */
public final class SasTokenGenerator {
    private SasTokenGenerator() {
    }

    /** A token for {@code {hubHost}/devices/{deviceId}}, signed with the device key, valid until {@code expiry}. */
    public static String deviceToken(String hubHost, String deviceId, String base64Key, Instant expiry) {
        return token(hubHost + "/devices/" + deviceId, base64Key, expiry);
    }

    /** A token for {@code {hubHost}/devices/{deviceId}/modules/{moduleId}}, signed with the module key. */
    public static String moduleToken(String hubHost, String deviceId, String moduleId, String base64Key, Instant expiry) {
        return token(hubHost + "/devices/" + deviceId + "/modules/" + moduleId, base64Key, expiry);
    }

    /** A token for any resource URI (lower-cased, URL-encoded into {@code sr}). */
    public static String token(String resourceUri, String base64Key, Instant expiry) {
        String encoded = URLEncoder.encode(resourceUri.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
        long se = expiry.getEpochSecond();
        String signature = SasSignature.compute(base64Key, encoded, se);
        return SasToken.SCHEME + "sr=" + encoded + "&sig=" + URLEncoder.encode(signature, StandardCharsets.UTF_8) + "&se=" + se;
    }
}
