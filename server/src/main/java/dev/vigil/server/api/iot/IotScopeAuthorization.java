package dev.vigil.server.api.iot;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import io.javalin.http.Context;

/**
 * The one check every IoT registry route makes before it reads or changes a subscription's
 * resources.
 */
@FunctionalInterface
public interface IotScopeAuthorization {

    enum Access { READ, WRITE, READ_KEYS }

    /** Throws when the caller may not have this access to the subscription. */
    void require(Context ctx, String subscriptionId, Access access);

    /**
     * Roles on {@code /subscriptions/{id}}: Reader reads, Contributor changes hubs, devices and
     * security settings, Owner also reads device keys. A caller with no role on the subscription
     * gets 404, as if it did not exist.
     */
    static IotScopeAuthorization subscriptionRoles() {
        return (ctx, subscriptionId, access) -> Authorization.require(ctx, Scope.subscription(subscriptionId), switch (access) {
            case READ -> Role.READER;
            case WRITE -> Role.CONTRIBUTOR;
            case READ_KEYS -> Role.OWNER;
        });
    }
}
