package dev.vigil.server.api.iot;

import dev.vigil.iot.alert.AlertNotFoundException;
import dev.vigil.iot.alert.AlertPage;
import dev.vigil.iot.alert.AlertVersion;
import dev.vigil.iot.alert.IotAlert;
import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.api.iot.IotScopeAuthorization.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * IoT alerts of a subscription or a hub: list with filters and paging, read one, change its
 * status, and read the alert feed after a cursor. Reading needs Reader on the subscription,
 * changing a status Contributor; an alert of another subscription is not found.
 */
public final class IotAlertRoutes {
    static final String ALERTS = IotRegistryRoutes.SUB + "/providers/Microsoft.Security/iotAlerts";
    static final String HUB_ALERTS = IotRegistryRoutes.HUB + "/providers/Microsoft.Security/iotAlerts";
    static final String FEED = IotRegistryRoutes.SUB + "/providers/Microsoft.Security/iotAlertFeed";
    static final int DEFAULT_FEED_LIMIT = 100;
    static final int MAX_FEED_LIMIT = 1000;
    /** Feed entries looked at per request at most, so that a subscription with few alerts in a busy feed still gets a quick answer. */
    static final int MAX_FEED_SCAN = 10_000;

    private final IotRegistry registry;
    private final IotAlerts alerts;
    private final IotScopeAuthorization authorization;

    public IotAlertRoutes(IotRegistry registry, IotAlerts alerts, IotScopeAuthorization authorization) {
        this.registry = registry;
        this.alerts = alerts;
        this.authorization = authorization;
    }

    public void register(RoutesConfig routes) {
        routes.get(ALERTS, ctx -> {
            String subscriptionId = subscription(ctx, Access.READ);
            page(ctx, subscriptionId, alert -> subscriptionOf(alert).equals(subscriptionId));
        });
        routes.get(HUB_ALERTS, ctx -> {
            String subscriptionId = subscription(ctx, Access.READ);
            IotHub hub = registry.hub(subscriptionId, ctx.pathParam("rg"), ctx.pathParam("hub"));
            page(ctx, subscriptionId, alert -> alert.hubResourceId().equalsIgnoreCase(hub.resourceId()));
        });
        routes.get(ALERTS + "/{alertId}", ctx -> ctx.json(AlertJson.of(alert(ctx, subscription(ctx, Access.READ)))));
        routes.patch(ALERTS + "/{alertId}", ctx -> {
            IotAlert alert = alert(ctx, subscription(ctx, Access.WRITE));
            AlertJson.StatusBody body = ctx.bodyAsClass(AlertJson.StatusBody.class);
            if (body == null || body.status() == null) {
                throw new InvalidRequestException("'status' is required: New, InProgress, Resolved or Dismissed");
            }
            AuditNotes.put(ctx, "alertId", alert.alertId());
            AuditNotes.put(ctx, "previousStatus", alert.status().sentinelName());
            IotAlert changed = alerts.changeStatus(alert.alertId(), AlertFilter.status(body.status()));
            AuditNotes.put(ctx, "status", changed.status().sentinelName());
            ctx.json(AlertJson.of(changed));
        });
        routes.get(FEED, this::feed);
    }

    private void page(Context ctx, String subscriptionId, Predicate<IotAlert> scope) {
        AlertFilter filter = AlertFilter.of(ctx);
        AlertPage page;
        try {
            page = alerts.page(subscriptionId, scope.and(filter::matches), filter.top(), filter.skipToken());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'$skipToken' must be one a nextLink of this list gave out, was '" + filter.skipToken().orElse("") + "'");
        }
        String next = page.next().map(token -> ctx.url() + "?" + nextQuery(ctx, token)).orElse(null);
        ctx.json(new AlertJson.Page(page.alerts().stream().map(AlertJson::of).toList(), next));
    }

    private void feed(Context ctx) {
        String subscriptionId = subscription(ctx, Access.READ);
        long after = AlertFilter.number(ctx, "after", 0, 0, Long.MAX_VALUE);
        int limit = (int) AlertFilter.number(ctx, "limit", DEFAULT_FEED_LIMIT, 1, MAX_FEED_LIMIT);
        ctx.json(feedPage(subscriptionId, after, limit));
    }

    /**
     * Versions after {@code cursor} of this subscription's alerts, at most {@code limit}. The cursor
     * returned is the last sequence looked at, which may be past the last one returned: the feed
     * holds every subscription's alerts.
     */
    private AlertJson.FeedPage feedPage(String subscriptionId, long cursor, int limit) {
        long last = alerts.feed().lastSequence();
        List<AlertJson.Version> out = new ArrayList<>();
        int scanned = 0;
        while (out.size() < limit && cursor < last && scanned < MAX_FEED_SCAN) {
            for (AlertVersion version : alerts.feed().read(cursor, Math.min(limit, MAX_FEED_SCAN - scanned))) {
                cursor = version.sequence();
                scanned++;
                if (subscriptionOf(version.alert()).equals(subscriptionId)) {
                    out.add(AlertJson.Version.of(version));
                    if (out.size() == limit) {
                        break;
                    }
                }
            }
        }
        return new AlertJson.FeedPage(out, cursor, last);
    }

    /** The alert named in the path, if it belongs to the subscription; otherwise not found, as if it did not exist. */
    private IotAlert alert(Context ctx, String subscriptionId) {
        String alertId = ctx.pathParam("alertId");
        return alerts.get(alertId).filter(alert -> subscriptionOf(alert).equals(subscriptionId))
                .orElseThrow(() -> new AlertNotFoundException(alertId));
    }

    private String subscription(Context ctx, Access access) {
        String subscriptionId = ctx.pathParam("sub");
        authorization.require(ctx, subscriptionId, access);
        registry.subscription(subscriptionId);
        return subscriptionId;
    }

    static String subscriptionOf(IotAlert alert) {
        return IotAlerts.subscriptionOf(alert.hubResourceId());
    }

    private static String nextQuery(Context ctx, String skipToken) {
        StringBuilder query = new StringBuilder();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("$skipToken")) {
                values.forEach(value -> query.append(encode(name)).append('=').append(encode(value)).append('&'));
            }
        });
        return query.append("$skipToken=").append(encode(skipToken)).toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
