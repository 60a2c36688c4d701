package dev.vigil.server.api.iot;

import io.javalin.http.Context;

/**
 * The one check every IoT registry route makes before it reads or changes a subscription's
 * resources. Today every authenticated caller passes; subscription roles (Reader, Contributor,
 * Owner) plug in here when identity lands.
 */
@FunctionalInterface
public interface IotScopeAuthorization {

    enum Access { READ, WRITE, READ_KEYS }

    /** Throws when the caller may not have this access to the subscription. */
    void require(Context ctx, String subscriptionId, Access access);

    /** Every caller that passed authentication may do everything. */
    static IotScopeAuthorization authenticatedCallers() {
        return (ctx, subscriptionId, access) -> {
        };
    }
}
