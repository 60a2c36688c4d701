package dev.vigil.server.api.incidents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.access.Role;
import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.access.Caller;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.soc.incident.CreatedIncident;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentPage;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.IncidentStatus;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.incident.NewIncident;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A workspace's incidents: list (filters, order, pages), create by hand, read, update with an
 * etag, comments, close and reopen, and the incident's alerts and entities. Workspace Reader
 * reads; Responder changes. Changes name who made them ({@code ModifiedBy}) and are audited.
 */
public final class IncidentRoutes {
    static final String INCIDENTS = "/api/workspaces/{workspace}/incidents";
    static final String INCIDENT = INCIDENTS + "/{incident}";

    private final Incidents incidents;
    private final ObjectMapper json;

    public IncidentRoutes(Incidents incidents, ObjectMapper json) {
        this.incidents = incidents;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(INCIDENTS, this::list);
        routes.post(INCIDENTS, this::create);
        routes.get(INCIDENT, ctx -> respond(ctx, incidents.get(Authorization.requireWorkspace(ctx, Role.READER), ctx.pathParam("incident"))));
        routes.patch(INCIDENT, this::update);
        routes.get(INCIDENT + "/comments", this::comments);
        routes.post(INCIDENT + "/comments", this::comment);
        routes.post(INCIDENT + "/close", this::close);
        routes.post(INCIDENT + "/reopen", this::reopen);
        routes.get(INCIDENT + "/alerts", this::alerts);
        routes.get(INCIDENT + "/tasks", this::tasks);
        routes.get(INCIDENT + "/entities", ctx ->
                ctx.json(Map.of("entities", incidents.get(Authorization.requireWorkspace(ctx, Role.READER), ctx.pathParam("incident")).entities())));
    }

    private void list(Context ctx) {
        IncidentPage page = incidents.list(Authorization.requireWorkspace(ctx, Role.READER), IncidentListQuery.of(ctx));
        String next = page.skipToken().map(token -> ctx.url() + "?" + queryWithSkipToken(ctx, token)).orElse(null);
        ctx.json(new IncidentPageJson<>(page.incidents().stream().map(incident -> IncidentJson.of(incident, baseUrl(ctx))).toList(), next));
    }

    private void create(Context ctx) throws JsonProcessingException {
        String workspace = Authorization.requireWorkspace(ctx, Role.RESPONDER);
        IncidentRequestBody properties = body(ctx).properties();
        NewIncident request = NewIncident.of("manual/" + UUID.randomUUID(), properties.text("title").orElse(""),
                        IncidentSeverity.named(properties.text("severity").orElseThrow(() -> new InvalidRequestException(
                                "'properties.severity' is required: High, Medium, Low or Informational"))), modifiedBy(ctx))
                .withDescription(properties.text("description").orElse(""))
                .withStatus(properties.text("status").map(IncidentStatus::named).orElse(IncidentStatus.NEW))
                .withOwner(properties.owner())
                .withLabels(properties.labels());
        CreatedIncident created = incidents.create(workspace, request);
        audit(ctx, created.incident());
        ctx.header("Location", Incidents.path(created.incident()));
        respond(ctx.status(201), created.incident());
    }

    private void update(Context ctx) throws JsonProcessingException {
        String workspace = Authorization.requireWorkspace(ctx, Role.RESPONDER);
        IncidentRequestBody body = body(ctx);
        Incident updated = incidents.update(workspace, ctx.pathParam("incident"), body.properties().update(), etag(ctx, body), modifiedBy(ctx));
        audit(ctx, updated);
        respond(ctx, updated);
    }

    private void comments(Context ctx) {
        Incident incident = incidents.get(Authorization.requireWorkspace(ctx, Role.READER), ctx.pathParam("incident"));
        ctx.json(new IncidentPageJson<>(incident.comments().stream().map(comment -> CommentJson.of(incident, comment)).toList(), null));
    }

    private void comment(Context ctx) throws JsonProcessingException {
        String workspace = Authorization.requireWorkspace(ctx, Role.RESPONDER);
        IncidentRequestBody body = body(ctx);
        String message = body.properties().text("message").or(() -> body.text("message"))
                .orElseThrow(() -> new InvalidRequestException("a comment needs 'properties.message'"));
        Incident commented = incidents.addComment(workspace, ctx.pathParam("incident"), message, modifiedBy(ctx));
        audit(ctx, commented);
        ctx.status(201).json(CommentJson.of(commented, commented.comments().get(commented.comments().size() - 1)));
    }

    private void close(Context ctx) throws JsonProcessingException {
        String workspace = Authorization.requireWorkspace(ctx, Role.RESPONDER);
        IncidentRequestBody body = body(ctx);
        Incident closed = incidents.close(workspace, ctx.pathParam("incident"), body.closure(), etag(ctx, body), modifiedBy(ctx));
        audit(ctx, closed);
        respond(ctx, closed);
    }

    private void reopen(Context ctx) throws JsonProcessingException {
        String workspace = Authorization.requireWorkspace(ctx, Role.RESPONDER);
        Incident reopened = incidents.reopen(workspace, ctx.pathParam("incident"), etag(ctx, body(ctx)), modifiedBy(ctx));
        audit(ctx, reopened);
        respond(ctx, reopened);
    }

    private void tasks(Context ctx) {
        Incident incident = incidents.get(Authorization.requireWorkspace(ctx, Role.READER), ctx.pathParam("incident"));
        ctx.json(new IncidentPageJson<>(incident.tasks().stream().map(task -> TaskJson.of(incident, task)).toList(), null));
    }

    private void alerts(Context ctx) {
        Incident incident = incidents.get(Authorization.requireWorkspace(ctx, Role.READER), ctx.pathParam("incident"));
        ctx.json(new IncidentPageJson<>(incident.alerts().stream().map(IncidentAlertJson::of).toList(), null));
    }

    /** The body as a JSON tree; malformed JSON goes to the error mapping, which reports its position. */
    private IncidentRequestBody body(Context ctx) throws JsonProcessingException {
        String text = ctx.body();
        return IncidentRequestBody.of(text.isBlank() ? null : json.readTree(text));
    }

    /** {@code If-Match} or the body's {@code etag}; {@code *} or none means any version. */
    private static Optional<String> etag(Context ctx, IncidentRequestBody body) {
        Optional<String> etag = Optional.ofNullable(ctx.header("If-Match")).or(body::etag).map(String::strip);
        return etag.filter(value -> !value.isEmpty() && !value.equals("*"));
    }

    private static String modifiedBy(Context ctx) {
        return Caller.of(ctx).principal().id();
    }

    private static void audit(Context ctx, Incident incident) {
        AuditNotes.put(ctx, "incidentNumber", incident.number());
        AuditNotes.put(ctx, "incidentName", incident.name());
        AuditNotes.put(ctx, "status", incident.status().sentinelName());
    }

    private static void respond(Context ctx, Incident incident) {
        ctx.header("ETag", incident.etag()).json(IncidentJson.of(incident, baseUrl(ctx)));
    }

    /** The server's address as this client reached it. */
    private static String baseUrl(Context ctx) {
        String url = ctx.url();
        return url.substring(0, url.length() - ctx.path().length());
    }

    private static String queryWithSkipToken(Context ctx, String token) {
        StringBuilder query = new StringBuilder();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("$skipToken")) {
                values.forEach(value -> query.append(encode(name)).append('=').append(encode(value)).append('&'));
            }
        });
        return query.append("$skipToken=").append(encode(token)).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
