package dev.vigil.iot.auth;

import dev.vigil.iot.device.AuthenticationFailure;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code SharedAccessSignature sr=...&sig=...&se=...[&skn=...]}.
 *
 * @param signedResource the {@code sr} value exactly as sent (still URL-encoded): the signature covers it
 * @param resourceUri {@code sr} decoded and lower-cased, e.g. {@code myhub.azure-devices.net/devices/device1}
 * @param signature {@code sig} decoded: the base64 text of the HMAC
 * @param expiry {@code se}, seconds since the epoch
 */
public record SasToken(String signedResource, String resourceUri, String signature, long expiry, Optional<String> keyName) {
    static final String SCHEME = "SharedAccessSignature ";

    /** Parses the token text; anything that is not a SAS token is {@link AuthenticationFailure#MALFORMED_CREDENTIALS}. */
    public static SasToken parse(String text) {
        if (text == null || !text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw malformed("the credentials are not a 'SharedAccessSignature' token");
        }
        Map<String, String> fields = new HashMap<>();
        String[] pairs = text.substring(SCHEME.length()).trim().split("&");
        for (int index = 0; index < pairs.length; index++) {
            String pair = pairs[index];
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                // neither the field nor its name is echoed: a key pasted in place of a token would end up in the log
                throw malformed("field " + (index + 1) + " of the token is not name=value");
            }
            if (fields.put(pair.substring(0, equals), pair.substring(equals + 1)) != null) {
                throw malformed("field " + (index + 1) + " of the token repeats an earlier field");
            }
        }
        String sr = required(fields, "sr");
        String sig = required(fields, "sig");
        String se = required(fields, "se");
        long expiry;
        try {
            expiry = Long.parseLong(se);
        } catch (NumberFormatException e) {
            throw malformed("'se' must be the expiry in seconds since the epoch, was '" + se + "'");
        }
        try {
            String resource = URLDecoder.decode(sr, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
            String signature = URLDecoder.decode(sig, StandardCharsets.UTF_8);
            return new SasToken(sr, resource, signature, expiry, Optional.ofNullable(fields.get("skn")).map(k -> URLDecoder.decode(k, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw malformed("the token holds a badly URL-encoded value");
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw malformed("the token has no '" + name + "' field");
        }
        return value;
    }

    private static DeviceAuthenticationException malformed(String message) {
        return new DeviceAuthenticationException(AuthenticationFailure.MALFORMED_CREDENTIALS, message);
    }
}
