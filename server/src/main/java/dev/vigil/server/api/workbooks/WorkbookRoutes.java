package dev.vigil.server.api.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.access.Role;
import dev.vigil.server.api.IfMatch;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.access.Caller;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.query.WorkbookRuns;
import dev.vigil.soc.workbook.SavedWorkbook;
import dev.vigil.soc.workbook.Workbook;
import dev.vigil.soc.workbook.WorkbookTemplates;
import dev.vigil.soc.workbook.Workbooks;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workspace's workbooks in the shape of Azure's workbook resources: list, read, create or replace
 * (PUT: a workbook resource, or a template's JSON as published), delete, and evaluate for a set of
 * parameter values; and the template gallery. Any role on the workspace reads and evaluates (a
 * Reader runs the workbook's queries as their own); Contributor writes (Sentinel: Workbook Contributor).
 */
public final class WorkbookRoutes {
    static final String WORKBOOKS = "/api/workspaces/{workspace}/workbooks";
    static final String WORKBOOK = WORKBOOKS + "/{workbookId}";
    static final String EVALUATE = WORKBOOK + "/evaluate";
    static final String TEMPLATES = "/api/workspaces/{workspace}/workbookTemplates";
    static final String TEMPLATE = TEMPLATES + "/{templateId}";
    static final String CLIENT_APP = "Vigil workbooks API";

    private final Workbooks workbooks;
    private final WorkbookTemplates templates;
    private final WorkbookRuns runs;

    public WorkbookRoutes(Workbooks workbooks, WorkbookTemplates templates, WorkbookRuns runs) {
        this.workbooks = workbooks;
        this.templates = templates;
        this.runs = runs;
    }

    public void register(RoutesConfig routes) {
        routes.get(WORKBOOKS, this::list);
        routes.get(WORKBOOK, this::read);
        routes.put(WORKBOOK, this::save);
        routes.delete(WORKBOOK, this::delete);
        routes.post(EVALUATE, this::evaluate);
        routes.get(TEMPLATES, this::templates);
        routes.get(TEMPLATE, this::template);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("value", WorkbookJson.list(workbooks.list(Authorization.requireWorkspace(ctx, Role.READER)))));
    }

    private void read(Context ctx) {
        Workbook workbook = workbooks.get(Authorization.requireWorkspace(ctx, Role.READER), ctx.pathParam("workbookId"));
        ctx.header("ETag", workbook.etag()).json(WorkbookJson.write(workbook));
    }

    private void save(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.CONTRIBUTOR);
        String id = ctx.pathParam("workbookId");
        JsonNode body = body(ctx);
        Optional<String> etag = IfMatch.of(ctx).or(() -> Optional.ofNullable(body).map(node -> node.path("etag").asText("")).filter(tag -> !tag.isEmpty()));
        SavedWorkbook saved = workbooks.save(workspace, id, WorkbookJson.read(body, id), etag, Caller.of(ctx).principal().id());
        AuditNotes.put(ctx, "workbook", id);
        ctx.header("ETag", saved.workbook().etag()).status(saved.created() ? 201 : 200).json(WorkbookJson.write(saved.workbook()));
    }

    private void delete(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.CONTRIBUTOR);
        workbooks.delete(workspace, ctx.pathParam("workbookId"), IfMatch.of(ctx));
        AuditNotes.put(ctx, "workbook", ctx.pathParam("workbookId"));
        ctx.status(200);
    }

    private void evaluate(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.READER);
        Workbook workbook = workbooks.get(workspace, ctx.pathParam("workbookId"));
        JsonNode body = body(ctx);
        Map<String, JsonNode> given = WorkbookJson.parameters(body);
        Caller caller = Caller.of(ctx);
        Optional<Set<String>> changed = WorkbookJson.changed(body);
        ctx.json(WorkbookJson.write(changed.isPresent()
                ? runs.reevaluate(workbook.document(), given, changed.get(), workspace, caller.principal(), caller.credential(), CLIENT_APP)
                : runs.evaluate(workbook.document(), given, workspace, caller.principal(), caller.credential(), CLIENT_APP)));
    }

    private void templates(Context ctx) {
        Authorization.requireWorkspace(ctx, Role.READER);
        ctx.json(Map.of("value", templates.list().stream().map(template -> WorkbookJson.write(template, false)).toList()));
    }

    private void template(Context ctx) {
        Authorization.requireWorkspace(ctx, Role.READER);
        ctx.json(WorkbookJson.write(templates.get(ctx.pathParam("templateId")), true));
    }

    private static JsonNode body(Context ctx) {
        // read by the API's JSON mapper; malformed JSON goes to the error mapping, which reports its position
        return ctx.body().isBlank() ? null : ctx.bodyAsClass(JsonNode.class);
    }
}
