package dev.vigil.server.console.iot;

import dev.vigil.iot.registry.HubSecuritySettings;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.Subscription;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.ConsoleUser;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import java.util.List;
import java.util.Optional;

/**
 * IoT: the subscriptions the user holds a role on, their hubs, and Defender for IoT (security
 * monitoring) per hub, which Contributor on the subscription turns on or off.
 */
public final class IotPages {
    private static final String PAGE = ConsolePaths.WORKSPACE + "/iot";

    private final ConsoleServices services;
    private final IotRegistry registry;

    public IotPages(ConsoleServices services) {
        this.services = services;
        this.registry = services.iotRegistry();
    }

    public static String href(String workspace) {
        return ConsolePaths.workspace(workspace) + "/iot";
    }

    public void register(ConsoleRouter router) {
        router.get(PAGE, request -> page(router, request));
        String defender = PAGE + "/subscriptions/{subscription}/resourceGroups/{rg}/hubs/{hub}/defender";
        router.post(defender + "/on", request -> setDefender(router, request, true));
        router.post(defender + "/off", request -> setDefender(router, request, false));
        new HubPages(services).register(router);
        new DevicePages(services).register(router);
        new AlertPages(services).register(router);
    }

    private void page(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        List<IotPage.SubscriptionView> subscriptions = registry.subscriptions().stream()
                .filter(s -> request.user().canSee(Scope.subscription(s.subscriptionId())))
                .map(s -> new IotPage.SubscriptionView(s.subscriptionId(), name(s), hubs(workspace, request.user(), s.subscriptionId(), Optional.empty())))
                .toList();
        router.templates().render(request.ctx(), "iot/iot.jte", new IotPage(request.shell(Area.IOT, "IoT"), subscriptions, IotPaths.alerts(workspace)));
    }

    /** Turns Defender for IoT on or off as the button asked, whatever the hub's state meanwhile: a second click changes nothing. */
    private void setDefender(ConsoleRouter router, ConsoleRequest request, boolean turnOn) {
        String workspace = request.workspace();
        String subscription = request.ctx().pathParam("subscription");
        Permit permit = request.user().permit(Scope.subscription(subscription), Role.CONTRIBUTOR);
        Optional<String> message;
        if (!permit.allowed()) {
            message = Optional.of(permit.reason());
        } else {
            Authorization.require(request.ctx(), Scope.subscription(subscription), Role.CONTRIBUTOR);
            IotHub hub = registry.hub(subscription, request.ctx().pathParam("rg"), request.ctx().pathParam("hub"));
            HubSecuritySettings now = hub.security();
            registry.putSecuritySettings(subscription, hub.resourceGroup(), hub.name(), new HubSecuritySettings(
                    turnOn ? HubSecuritySettings.ENABLED : HubSecuritySettings.DISABLED, now.workspace(), now.export(), now.collectedEventNames()));
            message = Optional.of("Defender for IoT is " + (turnOn ? "on" : "off") + " for hub '" + hub.name() + "'.");
        }
        router.templates().render(request.ctx(), "iot/hubs.jte", hubs(workspace, request.user(), subscription, message));
    }

    private IotPage.HubList hubs(String workspace, ConsoleUser user, String subscription, Optional<String> message) {
        Permit permit = user.permit(Scope.subscription(subscription), Role.CONTRIBUTOR);
        List<IotPage.HubRow> rows = registry.allHubs().stream().filter(h -> h.subscriptionId().equals(subscription))
                .map(h -> new IotPage.HubRow(h.name(), IotPaths.hub(workspace, h), h.resourceGroup(), registry.devices(h).size(), h.security().monitoringEnabled(), permit,
                        href(workspace) + "/subscriptions/" + ConsolePaths.encode(subscription) + "/resourceGroups/" + ConsolePaths.encode(h.resourceGroup())
                                + "/hubs/" + ConsolePaths.encode(h.name()) + "/defender/" + (h.security().monitoringEnabled() ? "off" : "on")))
                .toList();
        return new IotPage.HubList(subscription, rows, message);
    }

    private static String name(Subscription subscription) {
        return subscription.displayName() == null || subscription.displayName().isBlank() ? subscription.subscriptionId() : subscription.displayName();
    }
}
