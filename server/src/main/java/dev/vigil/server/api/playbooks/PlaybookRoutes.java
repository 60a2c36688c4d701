package dev.vigil.server.api.playbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vigil.server.access.Role;
import dev.vigil.server.api.IfMatch;
import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.access.Caller;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.soc.playbook.InvalidPlaybookException;
import dev.vigil.soc.playbook.Playbook;
import dev.vigil.soc.playbook.PlaybookTrigger;
import dev.vigil.soc.playbook.document.PlaybookDocument;
import dev.vigil.soc.playbook.run.PlaybookRun;
import dev.vigil.soc.playbook.run.PlaybookRunner;
import dev.vigil.soc.playbook.run.PlaybookRuns;
import dev.vigil.soc.playbook.run.RunRequest;
import dev.vigil.soc.playbook.store.Playbooks;
import dev.vigil.soc.playbook.store.SavedPlaybook;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.automation.json.AutomationRuleJson;
import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.soc.playbook.template.InstalledTemplate;
import dev.vigil.soc.playbook.template.PlaybookTemplates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workspace's playbooks: list, read (any version), save (YAML or JSON, each save a new version),
 * delete; runs by hand against an incident, an alert or an entity, and the record of runs; the
 * built-in templates and their installation. Any role reads; Responder runs (Sentinel: Playbook
 * Operator); Contributor writes.
 */
public final class PlaybookRoutes {
    static final String PLAYBOOKS = "/api/workspaces/{workspace}/playbooks";
    static final String PLAYBOOK = PLAYBOOKS + "/{name}";
    static final String RUNS = PLAYBOOK + "/runs";
    static final String RUN = RUNS + "/{runId}";
    static final String TEMPLATES = "/api/workspaces/{workspace}/playbookTemplates";
    static final String INSTALL = TEMPLATES + "/{templateName}/install";
    private static final Set<String> RUN_MEMBERS = Set.of("incident", "alertId", "entity", "inputs");
    private static final int DEFAULT_TOP = 50;

    private final Playbooks playbooks;
    private final PlaybookRunner runner;
    private final PlaybookRuns runs;
    private final PlaybookTemplates templates;
    private final AutomationRules rules;

    public PlaybookRoutes(Playbooks playbooks, PlaybookRunner runner, PlaybookRuns runs, PlaybookTemplates templates, AutomationRules rules) {
        this.playbooks = playbooks;
        this.runner = runner;
        this.runs = runs;
        this.templates = templates;
        this.rules = rules;
    }

    public void register(RoutesConfig routes) {
        routes.get(PLAYBOOKS, this::list);
        routes.get(PLAYBOOK, this::read);
        routes.put(PLAYBOOK, this::save);
        routes.delete(PLAYBOOK, this::delete);
        routes.get(RUNS, this::listRuns);
        routes.post(RUNS, this::run);
        routes.get(RUN, this::readRun);
        routes.get(TEMPLATES, this::listTemplates);
        routes.post(INSTALL, this::install);
    }

    private void listTemplates(Context ctx) {
        Authorization.requireWorkspace(ctx, Role.READER);
        ctx.json(Map.of("value", templates.list().stream().map(template -> {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("name", template.name());
            node.put("displayName", template.displayName());
            node.put("description", template.description());
            node.put("hasAutomationRule", template.automationRule().isPresent());
            node.set("playbook", template.playbook());
            return node;
        }).toList()));
    }

    /** {@code {"name"}} optional: the playbook's (and its rule's) name, the template's by default. */
    private void install(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.CONTRIBUTOR);
        JsonNode body = ctx.body().isBlank() ? JsonNodeFactory.instance.objectNode() : PlaybookDocument.parse(ctx.body(), false);
        String name = Optional.ofNullable(body.get("name")).filter(JsonNode::isTextual).map(JsonNode::asText).orElse(ctx.pathParam("templateName"));
        InstalledTemplate installed = templates.install(workspace, ctx.pathParam("templateName"), name, playbooks, rules, Caller.of(ctx).principal().id());
        AuditNotes.put(ctx, "playbook", installed.playbook().name());
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("playbook", PlaybookJson.write(installed.playbook()));
        installed.automationRule().ifPresent(rule -> answer.set("automationRule", AutomationRuleJson.write(rule)));
        ctx.status(201).json(answer);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("value", playbooks.list(Authorization.requireWorkspace(ctx, Role.READER)).stream().map(PlaybookJson::write).toList()));
    }

    private void read(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.READER);
        Optional<Long> version = Optional.ofNullable(ctx.queryParam("version")).map(text -> number("version", text));
        Playbook playbook = version.map(v -> playbooks.version(workspace, ctx.pathParam("name"), v))
                .orElseGet(() -> playbooks.get(workspace, ctx.pathParam("name")));
        ctx.header("ETag", playbook.etag()).json(PlaybookJson.write(playbook));
    }

    private void save(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.CONTRIBUTOR);
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        JsonNode document = PlaybookJson.definition(PlaybookDocument.parse(ctx.body(), type.contains("yaml")));
        SavedPlaybook saved = playbooks.save(workspace, ctx.pathParam("name"), document, IfMatch.of(ctx), Caller.of(ctx).principal().id());
        AuditNotes.put(ctx, "playbook", saved.playbook().name());
        ctx.header("ETag", saved.playbook().etag()).status(saved.created() ? 201 : 200).json(PlaybookJson.write(saved.playbook()));
    }

    private void delete(Context ctx) {
        playbooks.delete(Authorization.requireWorkspace(ctx, Role.CONTRIBUTOR), ctx.pathParam("name"));
        AuditNotes.put(ctx, "playbook", ctx.pathParam("name"));
        ctx.status(200);
    }

    private void listRuns(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.READER);
        playbooks.get(workspace, ctx.pathParam("name"));
        int top = Optional.ofNullable(ctx.queryParam("$top")).map(text -> (int) number("$top", text)).orElse(DEFAULT_TOP);
        ctx.json(Map.of("value", runs.list(workspace, ctx.pathParam("name"), top).stream().map(PlaybookRunJson::summary).toList()));
    }

    private void readRun(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.READER);
        ctx.json(PlaybookRunJson.write(runs.get(workspace, ctx.pathParam("name"), ctx.pathParam("runId"))));
    }

    /** {@code {"incident": name or number}}, {@code {"alertId"}}, {@code {"entity": {...}}}, or nothing (manual), with optional {@code inputs}. */
    private void run(Context ctx) {
        String workspace = Authorization.requireWorkspace(ctx, Role.RESPONDER);
        JsonNode body = ctx.body().isBlank() ? JsonNodeFactory.instance.objectNode() : PlaybookDocument.parse(ctx.body(), false);
        if (!body.isObject()) {
            throw new InvalidPlaybookException("body", "must be an object: {\"incident\"}, {\"alertId\"}, {\"entity\"} or {}, with optional \"inputs\"");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!RUN_MEMBERS.contains(name)) {
                throw new InvalidPlaybookException(name, "is not a member of a run request; its members are alertId, entity, incident, inputs");
            }
        });
        Playbook playbook = playbooks.get(workspace, ctx.pathParam("name"));
        Optional<String> incident = text(body, "incident");
        Optional<String> alertId = text(body, "alertId");
        Optional<JsonNode> entity = Optional.ofNullable(body.get("entity")).filter(node -> !node.isNull());
        String trigger = alertId.isPresent() ? "alert" : entity.isPresent() ? "entity"
                : incident.isPresent() && playbook.definition().accepts(PlaybookTrigger.OnIncident.class) ? "incident" : "manual";
        PlaybookRun run = runner.start(new RunRequest(workspace, playbook.name(), trigger, Caller.of(ctx).principal().id(), incident, alertId, entity,
                body.get("inputs")));
        AuditNotes.put(ctx, "playbookRun", run.runId());
        ctx.status(202).header("Location", RUNS.replace("{workspace}", workspace).replace("{name}", playbook.name()) + "/" + run.runId())
                .json(PlaybookRunJson.summary(run));
    }

    private static Optional<String> text(JsonNode body, String member) {
        JsonNode value = body.get(member);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static long number(String name, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("'" + name + "' must be a whole number, was '" + text + "'");
        }
    }
}
