package dev.vigil.server;

import dev.vigil.iot.action.DeviceActions;
import dev.vigil.iot.auth.DeviceAuthenticator;
import dev.vigil.iot.device.DeviceActivityListener;
import dev.vigil.iot.endpoint.DeviceGateway;
import dev.vigil.iot.endpoint.LoggingActivityListener;
import dev.vigil.iot.endpoint.mqtt.MqttEndpoint;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.server.api.HttpApi;
import dev.vigil.server.api.iot.IotApi;
import dev.vigil.server.api.iot.IotScopeAuthorization;
import dev.vigil.server.api.metrics.PrometheusMetrics;
import dev.vigil.server.identity.ApiKeyStore;
import dev.vigil.server.identity.IssuedApiKey;
import dev.vigil.server.identity.Principal;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: storage, identity and the HTTP API wired together.
 *
 * <p>On the first start of a data directory it creates the {@code default} workspace and issues
 * the admin API key; the key's text is available from {@link #initialAdminKey()} only then.
 */
public final class VigilServer implements AutoCloseable {
    public static final String DEFAULT_WORKSPACE = "default";

    private static final Logger LOG = LoggerFactory.getLogger(VigilServer.class);

    private final Storage storage;
    private final PrometheusMeterRegistry registry;
    private final HttpApi http;
    private final MqttEndpoint mqtt;
    private final Optional<IssuedApiKey> initialAdminKey;

    private VigilServer(Storage storage, PrometheusMeterRegistry registry, HttpApi http, MqttEndpoint mqtt, Optional<IssuedApiKey> initialAdminKey) {
        this.storage = storage;
        this.registry = registry;
        this.http = http;
        this.mqtt = mqtt;
        this.initialAdminKey = initialAdminKey;
    }

    public static VigilServer start(ServerSettings settings) {
        PrometheusMeterRegistry registry = PrometheusMetrics.createRegistry();
        Storage storage = DuckDbStorage.open(settings.storage(), registry);
        MqttEndpoint mqtt = null;
        try {
            storage.logStore().createWorkspace(DEFAULT_WORKSPACE);
            ApiKeyStore keys = new ApiKeyStore(storage.stateStore());
            Optional<IssuedApiKey> adminKey = keys.isEmpty()
                    ? Optional.of(keys.issue(Principal.ADMIN, "admin key issued on first start"))
                    : Optional.empty();
            // The detection engine takes this listener's place when it is wired in.
            DeviceActivityListener activity = new LoggingActivityListener();
            IotRegistry iotRegistry = new IotRegistry(storage.stateStore());
            DeviceGateway gateway = new DeviceGateway(iotRegistry,
                    new DeviceAuthenticator(iotRegistry, settings.iot().domain(), activity, Clock.systemUTC()), storage.logStore(), activity, Clock.systemUTC());
            mqtt = MqttEndpoint.start(settings.iot().mqtt(), gateway, iotRegistry);
            DeviceActions actions = new DeviceActions(iotRegistry, mqtt, activity, Clock.systemUTC());
            IotApi iot = new IotApi(iotRegistry, gateway, actions, Optional.of(mqtt), IotScopeAuthorization.authenticatedCallers());
            HttpApi http = HttpApi.create(storage.logStore(), keys, registry, settings.maxBodyBytes(), iot);
            http.javalin().start(settings.host(), settings.port());
            LOG.info("Vigil listening on {}:{}, data in {}", settings.host(), http.javalin().port(), settings.storage().dataDirectory());
            return new VigilServer(storage, registry, http, mqtt, adminKey);
        } catch (RuntimeException e) {
            if (mqtt != null) {
                mqtt.close();
            }
            storage.close();
            registry.close();
            throw e;
        }
    }

    /** The port actually bound, also when 0 was asked for. */
    public int port() {
        return http.javalin().port();
    }

    /** The MQTT plaintext port bound, or -1. */
    public int mqttPort() {
        return mqtt.plainPort();
    }

    /** The MQTT TLS port bound, or -1. */
    public int mqttTlsPort() {
        return mqtt.tlsPort();
    }

    /** Every HTTP route as {@code METHOD /path}. */
    public List<String> routes() {
        return http.routes();
    }

    /** The admin key's text, present only on the first start of the data directory. */
    public Optional<String> initialAdminKey() {
        return initialAdminKey.map(IssuedApiKey::text);
    }

    public LogStore logStore() {
        return storage.logStore();
    }

    /** Stops taking requests, then commits what is queued and releases the database. */
    @Override
    public void close() {
        http.javalin().stop();
        mqtt.close();
        storage.close();
        registry.close();
    }
}
