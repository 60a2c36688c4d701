package dev.vigil.server.api.iot;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import io.javalin.http.Context;

/**
 * The one check every IoT registry route makes before it reads or changes a subscription's
 * resources, and the filter of the subscription list.
 */
public interface IotScopeAuthorization {

    enum Access { READ, WRITE, READ_KEYS }

    /** Throws when the caller may not have this access to the subscription. */
    void require(Context ctx, String subscriptionId, Access access);

    /** Whether the caller holds any role on the subscription, i.e. may know that it exists. */
    boolean canSee(Context ctx, String subscriptionId);

    /**
     * Roles on {@code /subscriptions/{id}}: Reader reads, Contributor changes hubs, devices and
     * security settings, Owner also reads device keys. A caller with no role on the subscription
     * gets 404, as if it did not exist.
     */
    static IotScopeAuthorization subscriptionRoles() {
        return new IotScopeAuthorization() {
            @Override
            public void require(Context ctx, String subscriptionId, Access access) {
                Authorization.require(ctx, Scope.subscription(subscriptionId), switch (access) {
                    case READ -> Role.READER;
                    case WRITE -> Role.CONTRIBUTOR;
                    case READ_KEYS -> Role.OWNER;
                });
            }

            @Override
            public boolean canSee(Context ctx, String subscriptionId) {
                return Authorization.canSee(ctx, Scope.subscription(subscriptionId));
            }
        };
    }
}
