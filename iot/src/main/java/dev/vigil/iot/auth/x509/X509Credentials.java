package dev.vigil.iot.auth.x509;

import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.ResourceNotFoundException;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Devices' and modules' X.509 settings and hubs' CA certificates, in the state store (collections
 * {@code iot.device-authentication} and {@code iot.hub-certificates}) and mirrored in memory so a
 * connection never waits on storage. A device or module with no entry authenticates with SAS
 * keys. Deleting a device (with its modules) or a module forgets its entries.
 */
public final class X509Credentials {
    private final DocumentCollection<DeviceAuthentication> devices;
    private final DocumentCollection<HubCertificate> certificates;
    private final Map<String, DeviceAuthentication> deviceCache = new ConcurrentHashMap<>();
    private final Map<String, HubCertificate> certificateCache = new ConcurrentHashMap<>();

    public X509Credentials(StateStore state, IotRegistry registry) {
        this.devices = state.collection("iot.device-authentication", DeviceAuthentication.class);
        this.certificates = state.collection("iot.hub-certificates", HubCertificate.class);
        certificates.list().forEach(c -> certificateCache.put(certificateKey(c.hubName(), c.name()), c));
        devices.list().forEach(d -> deviceCache.put(key(d.target()), d));
        registry.addDeviceChangeListener((before, after) -> {
            if (after.isEmpty()) {
                String key = deviceKey(before.hubName(), before.deviceId());
                forget(key);
                deviceCache.keySet().stream().filter(k -> k.startsWith(key + "/")).toList().forEach(this::forget);
            }
        });
        registry.addModuleChangeListener((before, after) -> {
            if (after.isEmpty()) {
                forget(key(DeviceAddress.module(before.hubName(), before.deviceId(), before.moduleId())));
            }
        });
    }

    public DeviceAuthentication authentication(String hubName, String deviceId) {
        return authentication(DeviceAddress.device(hubName, deviceId));
    }

    /** How the device or module authenticates; SAS keys unless set otherwise. */
    public DeviceAuthentication authentication(DeviceAddress target) {
        return deviceCache.getOrDefault(key(target), DeviceAuthentication.sas(target));
    }

    public synchronized DeviceAuthentication setAuthentication(DeviceAuthentication authentication) {
        String key = key(authentication.target());
        devices.put(key, authentication);
        deviceCache.put(key, authentication);
        return authentication;
    }

    public synchronized HubCertificate putCertificate(HubCertificate certificate) {
        String key = certificateKey(certificate.hubName(), certificate.name());
        certificates.put(key, certificate);
        certificateCache.put(key, certificate);
        return certificate;
    }

    public List<HubCertificate> certificates(String hubName) {
        String prefix = hubName.toLowerCase(Locale.ROOT) + "/";
        return certificateCache.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .sorted(java.util.Comparator.comparing(HubCertificate::name)).toList();
    }

    public HubCertificate certificate(String hubName, String name) {
        return Optional.ofNullable(certificateCache.get(certificateKey(hubName, name)))
                .orElseThrow(() -> new ResourceNotFoundException("The certificate '" + name + "' could not be found on IoT hub '" + hubName + "'."));
    }

    public synchronized void deleteCertificate(String hubName, String name) {
        certificate(hubName, name);
        String key = certificateKey(hubName, name);
        certificates.delete(key);
        certificateCache.remove(key);
    }

    private synchronized void forget(String key) {
        if (deviceCache.remove(key) != null) {
            devices.delete(key);
        }
    }

    /** A device's key, {@code {hub}/{deviceId}}, or a module's, {@code {hub}/{deviceId}/{moduleId}}. */
    private static String key(DeviceAddress target) {
        return deviceKey(target.hubName(), target.deviceId()) + target.moduleId().map(m -> "/" + m).orElse("");
    }

    private static String deviceKey(String hubName, String deviceId) {
        return hubName.toLowerCase(Locale.ROOT) + "/" + deviceId;
    }

    private static String certificateKey(String hubName, String name) {
        return hubName.toLowerCase(Locale.ROOT) + "/" + name;
    }
}
