package dev.vigil.server.api.connectors;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.soc.connector.iot.ConnectOutcome;
import dev.vigil.soc.connector.iot.DefenderForIotConnector;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The subscriptions of the Defender for IoT connector of a workspace. Reading needs Reader on the
 * workspace and lists only the subscriptions the caller holds a role on; connecting and
 * disconnecting need Contributor on the workspace and Contributor on the subscription.
 */
final class IotConnectorRoutes {
    static final String SUBSCRIPTIONS = ConnectorApi.CONNECTORS + "/" + DefenderForIotConnector.ID + "/subscriptions";

    private final DefenderForIotConnector connector;

    IotConnectorRoutes(DefenderForIotConnector connector) {
        this.connector = connector;
    }

    void register(RoutesConfig routes) {
        routes.get(SUBSCRIPTIONS, this::list);
        routes.put(SUBSCRIPTIONS + "/{sub}", this::connect);
        routes.delete(SUBSCRIPTIONS + "/{sub}", this::disconnect);
    }

    private void list(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.READER);
        var visible = connector.subscriptions(workspace, subscription -> Authorization.canSee(ctx, Scope.subscription(subscription)));
        ctx.json(Map.of("value", visible.stream().map(ConnectorJson.SubscriptionView::of).toList()));
    }

    private void connect(Context ctx) {
        String workspace = requireBoth(ctx);
        ConnectBodyJson body = ctx.body().isBlank() ? new ConnectBodyJson(null) : ctx.bodyAsClass(ConnectBodyJson.class);
        ConnectOutcome outcome = connector.connect(workspace, ctx.pathParam("sub"), body.createIncidentsOrDefault());
        AuditNotes.put(ctx, "subscription", ctx.pathParam("sub"));
        AuditNotes.put(ctx, "createIncidents", body.createIncidentsOrDefault());
        ctx.status(outcome.created() ? 201 : 200).json(ConnectorJson.SubscriptionView.of(outcome.state()));
    }

    private void disconnect(Context ctx) {
        String workspace = requireBoth(ctx);
        boolean wasConnected = connector.disconnect(workspace, ctx.pathParam("sub"));
        AuditNotes.put(ctx, "subscription", ctx.pathParam("sub"));
        AuditNotes.put(ctx, "wasConnected", wasConnected);
        ctx.status(204);
    }

    /**
     * Write on the workspace, then Contributor on the subscription; the workspace is left as the
     * request's scope, so that its audit row also lands in that workspace.
     */
    private static String requireBoth(Context ctx) {
        Scope workspace = Scope.workspace(ctx.pathParam("workspace"));
        Authorization.require(ctx, workspace, Role.CONTRIBUTOR);
        Authorization.require(ctx, Scope.subscription(ctx.pathParam("sub")), Role.CONTRIBUTOR);
        ctx.attribute(Authorization.SCOPE_ATTRIBUTE, workspace);
        return ctx.pathParam("workspace");
    }
}
