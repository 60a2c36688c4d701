package dev.vigil.iot.auth;

import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.device.AuthenticationFailure;
import dev.vigil.iot.device.DeviceActivityListener;
import dev.vigil.iot.device.DeviceRefusal;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.Module;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import dev.vigil.iot.auth.x509.CertificateChain;
import dev.vigil.iot.auth.x509.DeviceAuthentication;
import dev.vigil.iot.auth.x509.HubCertificate;
import dev.vigil.iot.auth.x509.CertificateThumbprints;
import dev.vigil.iot.auth.x509.X509AuthenticationType;
import dev.vigil.iot.auth.x509.X509Credentials;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks device SAS tokens exactly as IoT Hub does, and reports every refusal to the
 * {@link DeviceActivityListener}.
 *
 * <p>Order of the checks, so that each refusal carries the most telling reason: the token parses;
 * its resource URI is, segment by segment, a prefix of the resource asked for and reaches down to
 * the device; the hub and device exist; the signature matches one of the two device keys; the
 * token has not expired; the device is enabled. The signature is checked before the expiry so
 * that a token whose {@code se} was pushed forward is an invalid signature, not an expired token.
 */
public final class DeviceAuthenticator {
    private final IotRegistry registry;
    private final String domain;
    private final DeviceActivityListener listener;
    private final Clock clock;
    private final Optional<X509Credentials> x509;

    /** Without X.509: every device authenticates with SAS tokens. */
    public DeviceAuthenticator(IotRegistry registry, String domain, DeviceActivityListener listener, Clock clock) {
        this(registry, domain, listener, clock, Optional.empty());
    }

    /**
     * @param domain the hub host suffix, e.g. {@code azure-devices.net}: hubs are {@code {hub}.{domain}}
     * @param x509 devices' X.509 settings and hubs' CA certificates
     */
    public DeviceAuthenticator(IotRegistry registry, String domain, DeviceActivityListener listener, Clock clock, Optional<X509Credentials> x509) {
        this.registry = registry;
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.listener = listener;
        this.clock = clock;
        this.x509 = x509;
    }

    /**
     * Authenticates a device by the certificate chain it presented in the TLS handshake (leaf
     * first): a self-signed device's certificate must match a registered thumbprint; a CA-signed
     * device's must name the device as its subject CN and chain up to a verified CA certificate of
     * the hub; every certificate must be valid now.
     *
     * @param hubHost the host the device addressed ({@code {hub}.{domain}}, from the MQTT username or the HTTP Host)
     */
    public AuthenticatedDevice authenticateCertificate(String hubHost, String deviceId, List<X509Certificate> chain, String sourceAddress) {
        return authenticateCertificate(hubHost, deviceId, Optional.empty(), chain, sourceAddress);
    }

    /**
     * As {@link #authenticateCertificate(String, String, List, String)}, for the device itself or,
     * with a module id, for that module, whose own authentication (thumbprints, or CA-signed with
     * the subject CN {@code {deviceId}/{moduleId}}) decides. A disabled device refuses its modules too.
     */
    public AuthenticatedDevice authenticateCertificate(String hubHost, String deviceId, Optional<String> moduleId, List<X509Certificate> chain,
            String sourceAddress) {
        String host = hubHost == null ? "" : hubHost.toLowerCase(Locale.ROOT);
        String who = moduleId.map(m -> "module '" + deviceId + "/" + m + "'").orElse("device '" + deviceId + "'");
        try {
            IotHub hub = hubOf(host).orElseThrow(() -> refuse(AuthenticationFailure.UNKNOWN_DEVICE, "no IoT hub is named by host '" + host + "'"));
            Device device = registeredDevice(hub, deviceId);
            Optional<Module> module = registeredModule(hub, deviceId, moduleId);
            if (chain.isEmpty()) {
                throw refuse(AuthenticationFailure.MALFORMED_CREDENTIALS, "neither a SAS token nor a client certificate was presented");
            }
            DeviceAddress target = new DeviceAddress(hub.name(), deviceId, moduleId);
            DeviceAuthentication authentication = x509.map(c -> c.authentication(target)).orElse(DeviceAuthentication.sas(target));
            X509Certificate leaf = chain.get(0);
            switch (authentication.type()) {
                case SAS -> throw refuse(AuthenticationFailure.X509_NOT_CONFIGURED, "the " + who
                        + " authenticates with SAS tokens; register its certificate (selfSigned or certificateAuthority) to use one");
                case SELF_SIGNED -> {
                    if (!authentication.hasThumbprint(CertificateThumbprints.sha1(leaf), CertificateThumbprints.sha256(leaf))) {
                        throw refuse(AuthenticationFailure.X509_THUMBPRINT_MISMATCH, "the certificate's thumbprint " + CertificateThumbprints.sha1(leaf)
                                + " is neither the primary nor the secondary thumbprint of " + who);
                    }
                }
                case CERTIFICATE_AUTHORITY -> {
                    String commonName = CertificateThumbprints.commonName(leaf);
                    if (!authentication.expectedCommonName().equals(commonName)) {
                        throw refuse(AuthenticationFailure.X509_SUBJECT_MISMATCH, "the certificate's subject CN is '" + commonName
                                + "'; a CA-signed certificate of the " + who + " must name it, '" + authentication.expectedCommonName() + "'");
                    }
                    List<X509Certificate> trusted = x509.orElseThrow().certificates(hub.name()).stream().filter(HubCertificate::verified)
                            .map(HubCertificate::certificate).toList();
                    if (!CertificateChain.leadsTo(chain, trusted)) {
                        throw refuse(AuthenticationFailure.X509_UNTRUSTED_CHAIN, "the certificate of the " + who + " (issuer '"
                                + leaf.getIssuerX500Principal().getName() + "') is not signed by a verified CA certificate of hub '" + hub.name() + "'");
                    }
                }
                default -> throw new IllegalStateException("unknown authentication type " + authentication.type());
            }
            Optional<String> invalid = CertificateChain.invalidAt(chain, Date.from(clock.instant()));
            if (invalid.isPresent()) {
                throw refuse(AuthenticationFailure.X509_NOT_VALID_NOW, invalid.get());
            }
            requireEnabled(device, module);
            return new AuthenticatedDevice(hub, device, registry.identity(hub, device), module);
        } catch (DeviceAuthenticationException e) {
            report(host, deviceId, moduleId, e, sourceAddress);
            throw e;
        }
    }

    public String domain() {
        return domain;
    }

    /**
     * @param hubHost the host the device addressed ({@code {hub}.{domain}}); null to take it from the token
     * @param deviceId the device the request is for
     * @param credentials the full {@code SharedAccessSignature ...} text
     * @param sourceAddress the peer, for the alert's source address
     */
    public AuthenticatedDevice authenticate(String hubHost, String deviceId, String credentials, String sourceAddress) {
        return authenticate(hubHost, deviceId, Optional.empty(), credentials, sourceAddress);
    }

    /**
     * As {@link #authenticate(String, String, String, String)}, for the device itself or, with a
     * module id, for that module of the device: the token must then cover
     * {@code {host}/devices/{deviceId}/modules/{moduleId}} and be signed with one of the module's keys.
     * A disabled device refuses its modules too.
     */
    public AuthenticatedDevice authenticate(String hubHost, String deviceId, Optional<String> moduleId, String credentials,
            String sourceAddress) {
        String asked = hubHost == null ? "" : hubHost.toLowerCase(Locale.ROOT);
        String who = moduleId.map(m -> deviceId + "/" + m).orElse(deviceId);
        try {
            SasToken token = SasToken.parse(credentials);
            String host = hubHost != null ? asked : firstSegment(token.resourceUri());
            asked = host;
            Optional<IotHub> hub = hubOf(host);
            if (token.keyName().isPresent()) {
                throw refuse(AuthenticationFailure.WRONG_RESOURCE, "shared access policy tokens (skn) are not accepted on device endpoints; sign with a device key");
            }
            String resource = host + "/devices/" + deviceId.toLowerCase(Locale.ROOT)
                    + moduleId.map(m -> "/modules/" + m.toLowerCase(Locale.ROOT)).orElse("");
            requireCovers(token.resourceUri(), resource);
            IotHub knownHub = hub.orElseThrow(() -> refuse(AuthenticationFailure.UNKNOWN_DEVICE, "no IoT hub is named by host '" + host + "'"));
            Device device = registeredDevice(knownHub, deviceId);
            Optional<Module> module = registeredModule(knownHub, deviceId, moduleId);
            DeviceAddress target = new DeviceAddress(knownHub.name(), deviceId, moduleId);
            if (x509.map(c -> c.authentication(target).type()).orElse(X509AuthenticationType.SAS) != X509AuthenticationType.SAS) {
                throw refuse(AuthenticationFailure.X509_NOT_CONFIGURED, "the " + (module.isPresent() ? "module '" : "device '") + who
                        + "' authenticates with its X.509 certificate, not SAS tokens");
            }
            List<String> keys = module.map(m -> List.of(m.primaryKey(), m.secondaryKey())).orElse(List.of(device.primaryKey(), device.secondaryKey()));
            if (!signedByEitherKey(token, keys)) {
                throw refuse(AuthenticationFailure.INVALID_SAS_SIGNATURE, "the token's signature does not match the "
                        + (module.isPresent() ? "module's" : "device's") + " keys");
            }
            if (token.expiry() <= clock.instant().getEpochSecond()) {
                throw refuse(AuthenticationFailure.EXPIRED_SAS_TOKEN, "the token expired at " + Instant.ofEpochSecond(token.expiry()));
            }
            requireEnabled(device, module);
            return new AuthenticatedDevice(knownHub, device, registry.identity(knownHub, device), module);
        } catch (DeviceAuthenticationException e) {
            report(asked, deviceId, moduleId, e, sourceAddress);
            throw e;
        }
    }

    /**
     * Reports a refusal that the endpoint decided before any token was looked at, such as an MQTT
     * client id that is not the username's device, and returns the exception that says why.
     */
    public DeviceAuthenticationException reportRefusal(String hubHost, String deviceId, AuthenticationFailure reason, String detail,
            String sourceAddress) {
        return reportRefusal(hubHost, deviceId, Optional.empty(), reason, detail, sourceAddress);
    }

    /** As {@link #reportRefusal(String, String, AuthenticationFailure, String, String)}, for a module when one is named. */
    public DeviceAuthenticationException reportRefusal(String hubHost, String deviceId, Optional<String> moduleId, AuthenticationFailure reason,
            String detail, String sourceAddress) {
        DeviceAuthenticationException refusal = refuse(reason, detail);
        report(hubHost == null ? "" : hubHost.toLowerCase(Locale.ROOT), deviceId, moduleId, refusal, sourceAddress);
        return refusal;
    }

    /** Reported under the identity refused: the module's ({@code deviceId/moduleId}) when the request named one. */
    private void report(String hubHost, String deviceId, Optional<String> moduleId, DeviceAuthenticationException refusal, String sourceAddress) {
        listener.refused(new DeviceRefusal(hubHost, hubOf(hubHost).map(IotHub::resourceId), deviceId, moduleId, refusal.reason(),
                refusal.getMessage(), sourceAddress, clock.instant()));
    }

    private Optional<IotHub> hubOf(String host) {
        String suffix = "." + domain;
        if (host == null || !host.endsWith(suffix)) {
            return Optional.empty();
        }
        return registry.findHub(host.substring(0, host.length() - suffix.length()));
    }

    /** The token must name the device's resource or something below it, compared per segment. */
    private static void requireCovers(String tokenUri, String deviceResource) {
        List<String> granted = segments(tokenUri);
        List<String> needed = segments(deviceResource);
        for (int i = 0; i < granted.size(); i++) {
            if (i >= needed.size() || !granted.get(i).equals(needed.get(i))) {
                throw refuse(AuthenticationFailure.WRONG_RESOURCE, "the token is for '" + tokenUri + "', not for '" + deviceResource + "'");
            }
        }
        if (granted.size() < needed.size()) {
            throw refuse(AuthenticationFailure.WRONG_RESOURCE, "the token for '" + tokenUri + "' does not name the device; device tokens are for '" + deviceResource + "'");
        }
    }

    private static boolean signedByEitherKey(SasToken token, List<String> keys) {
        // Devices encode sr in different cases (%2f or %2F); the signature covers what was sent.
        String canonical = URLEncoder.encode(token.resourceUri(), StandardCharsets.UTF_8);
        boolean matched = false;
        for (String key : keys) {
            matched |= SasSignature.matches(SasSignature.compute(key, token.signedResource(), token.expiry()), token.signature());
            matched |= SasSignature.matches(SasSignature.compute(key, canonical, token.expiry()), token.signature());
        }
        return matched;
    }

    private static List<String> segments(String uri) {
        return Arrays.stream(uri.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static String firstSegment(String uri) {
        List<String> segments = segments(uri);
        return segments.isEmpty() ? "" : segments.get(0);
    }

    private Device registeredDevice(IotHub hub, String deviceId) {
        return registry.findDevice(hub.name(), deviceId).orElseThrow(() -> refuse(AuthenticationFailure.UNKNOWN_DEVICE,
                "the device '" + deviceId + "' is not registered on hub '" + hub.name() + "'"));
    }

    /** The module when one is named, which must be registered on the device. */
    private Optional<Module> registeredModule(IotHub hub, String deviceId, Optional<String> moduleId) {
        return moduleId.map(m -> registry.findModule(hub.name(), deviceId, m).orElseThrow(() -> refuse(
                AuthenticationFailure.UNKNOWN_DEVICE, "the module '" + m + "' is not registered on device '" + deviceId + "' of hub '" + hub.name() + "'")));
    }

    /** A disabled device is refused, and so are its modules; a disabled module is refused itself. */
    private static void requireEnabled(Device device, Optional<Module> module) {
        if (!device.enabled()) {
            throw refuse(AuthenticationFailure.DEVICE_DISABLED, "the device '" + device.deviceId() + "' is disabled");
        }
        if (module.isPresent() && !module.get().enabled()) {
            throw refuse(AuthenticationFailure.DEVICE_DISABLED, "the module '" + device.deviceId() + "/" + module.get().moduleId() + "' is disabled");
        }
    }

    private static DeviceAuthenticationException refuse(AuthenticationFailure reason, String message) {
        return new DeviceAuthenticationException(reason, message);
    }
}
