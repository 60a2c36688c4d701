package dev.vigil.server.api.content;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.access.Caller;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.soc.content.AlertRuleImport;
import dev.vigil.soc.content.ContentPackInstall;
import dev.vigil.soc.content.ParserImport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Sentinel content import: analytic rules and hunting queries ({@code alertRules/import}), parsers
 * ({@code functions/import}), and content packs ({@code contentPacks/install}, a solution's folders). Each takes one file as the body, or several as
 * {@code {"files":[{"name","content"}]}}, and answers per item: imported, updated, unchanged or
 * refused with the reason.
 */
public final class ContentImportRoutes {
    static final String RULES = "/api/workspaces/{workspace}/alertRules/import";
    static final String FUNCTIONS = "/api/workspaces/{workspace}/functions/import";
    static final String PACKS = "/api/workspaces/{workspace}/contentPacks/install";

    private final AlertRuleImport rules;
    private final ParserImport parsers;
    private final ContentPackInstall packs;

    public ContentImportRoutes(AlertRuleImport rules, ParserImport parsers, ContentPackInstall packs) {
        this.rules = rules;
        this.parsers = parsers;
        this.packs = packs;
    }

    public void register(RoutesConfig routes) {
        routes.post(RULES, this::importRules);
        routes.post(FUNCTIONS, this::importParsers);
        routes.post(PACKS, this::installPack);
    }

    private void importRules(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.CONTRIBUTOR);
        ImportRequest request = ImportRequest.of(ctx);
        ctx.json(ImportAnswerJson.of(rules.importFiles(workspace, request.files(), request.enable())));
    }

    private void installPack(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.CONTRIBUTOR);
        ImportRequest request = ImportRequest.of(ctx);
        String name = request.name().orElseThrow(() -> new InvalidRequestException("a content pack needs a name: {\"name\", \"files\":[...]}"));
        AuditNotes.put(ctx, "contentPack", name);
        ctx.json(PackInstallationJson.of(packs.install(workspace, name, request.files(), request.enable(), Caller.of(ctx).principal().id())));
    }

    private void importParsers(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.CONTRIBUTOR);
        ctx.json(ImportAnswerJson.of(parsers.importFiles(workspace, ImportRequest.of(ctx).files())));
    }
}
