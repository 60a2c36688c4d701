package dev.vigil.iot.testing;

import dev.vigil.iot.auth.DeviceAuthenticator;
import dev.vigil.iot.auth.SasTokenGenerator;
import dev.vigil.iot.dedup.DedupSettings;
import dev.vigil.iot.dedup.RecentEventIds;
import dev.vigil.iot.endpoint.CloudToDeviceQueue;
import dev.vigil.iot.endpoint.DeviceGateway;
import dev.vigil.iot.endpoint.mqtt.MqttEndpoint;
import dev.vigil.iot.endpoint.mqtt.MqttSessions;
import dev.vigil.iot.endpoint.mqtt.MqttSettings;
import dev.vigil.iot.method.DirectMethods;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.DeviceStatus;
import dev.vigil.iot.registry.HubSecuritySettings;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.Module;
import dev.vigil.iot.routing.MessageRouter;
import dev.vigil.iot.twin.Twins;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real registry, SAS check and gateway over a real DuckDB data directory. */
public final class IotBed implements AutoCloseable {
    public static final String DOMAIN = "azure-devices.net";
    public static final String SUBSCRIPTION = "8a6b2c1d-0000-4000-8000-000000000001";

    public final Storage storage;
    public final IotRegistry registry;
    public final RecordingListener listener = new RecordingListener();
    public final DeviceAuthenticator authenticator;
    public final DeviceGateway gateway;
    public final CloudToDeviceQueue cloudToDevice;
    public final Twins twins;
    public final MessageRouter router;
    public final DirectMethods methods = new DirectMethods();

    public IotBed(Path data) {
        this(StorageSettings.defaults(data));
    }

    public IotBed(StorageSettings settings) {
        storage = DuckDbStorage.open(settings, new SimpleMeterRegistry());
        storage.logStore().createWorkspace("default");
        registry = new IotRegistry(storage.stateStore());
        authenticator = new DeviceAuthenticator(registry, DOMAIN, listener, Clock.systemUTC());
        twins = new Twins(storage.stateStore(), registry, Clock.systemUTC(), settings.dataDirectory().resolve("iot-twin-journal.ndjson"));
        router = new MessageRouter(storage.stateStore(), storage.logStore(), new LogStoreTables(storage.logStore()), twins);
        gateway = new DeviceGateway(registry, authenticator, storage.logStore(), listener, new RecentEventIds(DedupSettings.defaults(), Clock.systemUTC()),
                router, Clock.systemUTC());
        cloudToDevice = new CloudToDeviceQueue(storage.stateStore(), Clock.systemUTC());
    }

    /** A hub in subscription {@link #SUBSCRIPTION}, resource group {@code rg}. */
    public IotHub hub(String name, boolean monitoring) {
        registry.putSubscription(new dev.vigil.iot.registry.Subscription(SUBSCRIPTION, "test"));
        registry.putResourceGroup(SUBSCRIPTION, "rg");
        return registry.putHub(SUBSCRIPTION, "rg", name, new HubSecuritySettings(monitoring ? "Enabled" : "Disabled", "default", null, List.of()));
    }

    public Device device(IotHub hub, String deviceId) {
        return registry.putDevice(hub, deviceId, DeviceStatus.ENABLED, Map.of());
    }

    public static String token(IotHub hub, Device device) {
        return SasTokenGenerator.deviceToken(hub.hostName(DOMAIN), device.deviceId(), device.primaryKey(), Instant.now().plusSeconds(3600));
    }

    public static String moduleToken(IotHub hub, Module module) {
        return SasTokenGenerator.moduleToken(hub.hostName(DOMAIN), module.deviceId(), module.moduleId(), module.primaryKey(), Instant.now().plusSeconds(600));
    }

    /** A local-only MQTT endpoint over this bed's gateway, registry, queue, twins and methods. */
    public MqttEndpoint mqttEndpoint() {
        return MqttEndpoint.start(MqttSettings.localOnly(), gateway, registry, cloudToDevice, twins, methods);
    }

    /** As {@link #mqttEndpoint()}, with persistent sessions kept in this bed's state store. */
    public MqttEndpoint mqttEndpointWithStoredSessions() {
        return MqttEndpoint.start(MqttSettings.localOnly(), gateway, registry, cloudToDevice, twins, methods, MqttSessions.stored(storage.stateStore()));
    }

    public long count(String kql) {
        var result = storage.logStore().query("default", new QueryRequest(kql, Optional.empty()));
        return ((Number) result.tables().get(0).rows().get(0).get(0)).longValue();
    }

    @Override
    public void close() {
        methods.close();
        twins.close();
        storage.close();
    }
}
