package dev.vigil.server.api.iot;

import dev.vigil.iot.action.DeviceActions;
import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.auth.x509.X509Credentials;
import dev.vigil.iot.endpoint.CloudToDeviceQueue;
import dev.vigil.iot.endpoint.DeviceGateway;
import dev.vigil.iot.endpoint.mqtt.MqttEndpoint;
import dev.vigil.iot.method.DirectMethods;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.routing.MessageRouter;
import dev.vigil.iot.twin.Twins;
import dev.vigil.iot.twin.query.TwinQueries;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;

/** The IoT area of the HTTP API: registry, message routing, modules, twins and their query, direct methods, device actions, IoT alerts and the HTTPS device endpoint. */
public final class IotApi {
    private final IotRegistryRoutes registryRoutes;
    private final DeviceActionRoutes actionRoutes;
    private final IotAlertRoutes alertRoutes;
    private final DeviceEndpointRoutes deviceRoutes;
    private final ModuleRoutes moduleRoutes;
    private final TwinRoutes twinRoutes;
    private final DirectMethodRoutes methodRoutes;
    private final TwinQueryRoutes queryRoutes;
    private final MqttWebSocketRoutes webSocketRoutes;
    private final CloudToDeviceRoutes cloudToDeviceRoutes;
    private final X509Routes x509Routes;
    private final RoutingTestRoutes routingTestRoutes;

    /**
     * @param workspaceExists whether a workspace of this id exists, for checking the workspace a hub is pointed at
     * @param auditWorkspace the workspace of the audit trail, which takes no device data
     */
    public IotApi(IotRegistry registry, DeviceGateway gateway, DeviceActions actions, Optional<MqttEndpoint> mqtt, IotAlerts alerts,
            Twins twins, DirectMethods methods, CloudToDeviceQueue cloudToDevice, X509Credentials x509, MessageRouter router, IotScopeAuthorization authorization,
            Predicate<String> workspaceExists, String auditWorkspace) {
        DeviceViews views = new DeviceViews(gateway.counters(), mqtt);
        this.registryRoutes = new IotRegistryRoutes(registry, authorization, views, gateway.authenticator().domain(),
                new HubWorkspaceLink(workspaceExists, auditWorkspace), router);
        this.routingTestRoutes = new RoutingTestRoutes(registry, router, authorization, Clock.systemUTC());
        this.actionRoutes = new DeviceActionRoutes(registry, actions, authorization, views);
        this.alertRoutes = new IotAlertRoutes(registry, alerts, authorization);
        this.deviceRoutes = new DeviceEndpointRoutes(gateway);
        this.moduleRoutes = new ModuleRoutes(registry, authorization, views, gateway.authenticator().domain());
        this.twinRoutes = new TwinRoutes(registry, twins, authorization, views);
        this.methodRoutes = new DirectMethodRoutes(registry, methods, authorization);
        this.webSocketRoutes = new MqttWebSocketRoutes(mqtt);
        this.cloudToDeviceRoutes = new CloudToDeviceRoutes(gateway, cloudToDevice);
        this.x509Routes = new X509Routes(registry, x509, authorization);
        this.queryRoutes = new TwinQueryRoutes(registry, new TwinQueries(registry, twins, views::isConnected), authorization);
    }

    public void register(RoutesConfig routes) {
        registryRoutes.register(routes);
        actionRoutes.register(routes);
        alertRoutes.register(routes);
        deviceRoutes.register(routes);
        moduleRoutes.register(routes);
        twinRoutes.register(routes);
        methodRoutes.register(routes);
        queryRoutes.register(routes);
        webSocketRoutes.register(routes);
        cloudToDeviceRoutes.register(routes);
        x509Routes.register(routes);
        routingTestRoutes.register(routes);
    }

    /** Device paths carry SAS tokens (or X.509 certificates), not API keys: the HTTPS device endpoint and MQTT over WebSockets. */
    public static boolean isDevicePath(String path) {
        return DeviceEndpointRoutes.isDevicePath(path) || path.startsWith(MqttWebSocketRoutes.PATH);
    }
}
