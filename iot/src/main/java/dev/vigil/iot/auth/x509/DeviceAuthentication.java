package dev.vigil.iot.auth.x509;

import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.registry.InvalidResourceException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How one device, or one module of a device, authenticates, kept beside its registry entry: SAS
 * keys, a self-signed certificate (thumbprints: SHA-1 or SHA-256 of the DER certificate, hex, as
 * IoT Hub takes them), or a certificate signed by one of its hub's verified CAs.
 *
 * @param moduleId null for the device itself
 * @param primaryThumbprint upper-case hex without colons, null when none
 */
public record DeviceAuthentication(String hubName, String deviceId, String moduleId, X509AuthenticationType type, String primaryThumbprint,
                                   String secondaryThumbprint) {
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-F]{40}|[0-9A-F]{64}");

    public DeviceAuthentication {
        Objects.requireNonNull(hubName, "hubName");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(type, "type");
        primaryThumbprint = normalised("primaryThumbprint", primaryThumbprint);
        secondaryThumbprint = normalised("secondaryThumbprint", secondaryThumbprint);
        if (type == X509AuthenticationType.SELF_SIGNED && primaryThumbprint == null && secondaryThumbprint == null) {
            throw new InvalidResourceException("a selfSigned device or module needs x509Thumbprint.primaryThumbprint or secondaryThumbprint");
        }
        if (type != X509AuthenticationType.SELF_SIGNED && (primaryThumbprint != null || secondaryThumbprint != null)) {
            throw new InvalidResourceException("thumbprints belong to selfSigned devices and modules; a " + type.text() + " one takes none");
        }
    }

    /** A device's. */
    public DeviceAuthentication(String hubName, String deviceId, X509AuthenticationType type, String primaryThumbprint, String secondaryThumbprint) {
        this(hubName, deviceId, null, type, primaryThumbprint, secondaryThumbprint);
    }

    /** The device's or module's. */
    public DeviceAuthentication(DeviceAddress target, X509AuthenticationType type, String primaryThumbprint, String secondaryThumbprint) {
        this(target.hubName(), target.deviceId(), target.moduleId().orElse(null), type, primaryThumbprint, secondaryThumbprint);
    }

    public static DeviceAuthentication sas(String hubName, String deviceId) {
        return new DeviceAuthentication(hubName, deviceId, X509AuthenticationType.SAS, null, null);
    }

    /** SAS keys, the default of every device and module. */
    public static DeviceAuthentication sas(DeviceAddress target) {
        return new DeviceAuthentication(target, X509AuthenticationType.SAS, null, null);
    }

    public DeviceAddress target() {
        return new DeviceAddress(hubName, deviceId, Optional.ofNullable(moduleId));
    }

    /**
     * The subject CN a CA-signed certificate of this identity must carry: the device id, or for a
     * module {@code {deviceId}/{moduleId}}, as its MQTT client id reads.
     */
    public String expectedCommonName() {
        return moduleId == null ? deviceId : deviceId + "/" + moduleId;
    }

    /** Whether a certificate with these thumbprints (upper-case hex) is one of the two registered. */
    public boolean hasThumbprint(String sha1, String sha256) {
        return Optional.ofNullable(primaryThumbprint).filter(t -> t.equals(sha1) || t.equals(sha256)).isPresent()
                || Optional.ofNullable(secondaryThumbprint).filter(t -> t.equals(sha1) || t.equals(sha256)).isPresent();
    }

    private static String normalised(String field, String thumbprint) {
        String value = thumbprint == null ? null : thumbprint.replace(":", "").strip().toUpperCase(Locale.ROOT);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!THUMBPRINT.matcher(value).matches()) {
            throw new InvalidResourceException("x509Thumbprint." + field + " must be the certificate's SHA-1 (40 hex digits) or SHA-256 (64 hex digits) thumbprint");
        }
        return value;
    }
}
