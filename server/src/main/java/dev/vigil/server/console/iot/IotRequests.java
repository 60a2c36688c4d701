package dev.vigil.server.console.iot;

import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.ResourceNotFoundException;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.console.ConsolePageException;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.Permit;

/**
 * What every IoT page asks of its request: the hub or device of the path, which a user without a
 * role on the subscription cannot tell from one that does not exist (as in the API), and whether
 * the user may change the subscription's resources.
 */
final class IotRequests {
    private IotRequests() {
    }

    static IotHub hub(IotRegistry registry, ConsoleRequest request) {
        String subscription = request.ctx().pathParam("subscription");
        String name = request.ctx().pathParam("hub");
        if (!request.user().canSee(Scope.subscription(subscription))) {
            throw ConsolePageException.notFound("There is no IoT hub '" + name + "' in subscription '" + subscription + "'.");
        }
        try {
            return registry.hub(subscription, request.ctx().pathParam("rg"), name);
        } catch (ResourceNotFoundException e) {
            throw ConsolePageException.notFound(e.getMessage());
        }
    }

    static Device device(IotRegistry registry, IotHub hub, ConsoleRequest request) {
        try {
            return registry.device(hub, request.ctx().pathParam("device"));
        } catch (ResourceNotFoundException e) {
            throw ConsolePageException.notFound(e.getMessage());
        }
    }

    /** Changes to a subscription's hubs, devices, security groups and alerts need Contributor on it, as the API's routes. */
    static Permit changePermit(ConsoleRequest request, String subscription) {
        return request.user().permit(Scope.subscription(subscription), Role.CONTRIBUTOR);
    }

    /**
     * The API's own check before a change: a request made past the disabled control is refused (403,
     * which the console's script shows with its reason) and audited as the API's are.
     */
    static void requireChange(ConsoleRequest request, String subscription) {
        Authorization.require(request.ctx(), Scope.subscription(subscription), Role.CONTRIBUTOR);
    }
}
