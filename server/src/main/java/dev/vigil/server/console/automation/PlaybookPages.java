package dev.vigil.server.console.automation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.console.AutomationServices;
import dev.vigil.server.console.ConsolePageException;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.incidents.IncidentPages;
import dev.vigil.server.console.layout.DisplayTime;
import dev.vigil.soc.playbook.InvalidPlaybookException;
import dev.vigil.soc.playbook.Playbook;
import dev.vigil.soc.playbook.PlaybookException;
import dev.vigil.soc.playbook.PlaybookScope;
import dev.vigil.soc.playbook.PlaybookTrigger;
import dev.vigil.soc.playbook.document.PlaybookDocument;
import dev.vigil.soc.playbook.run.PlaybookRun;
import dev.vigil.soc.playbook.run.RunRequest;
import dev.vigil.soc.playbook.run.StepAttempt;
import dev.vigil.soc.playbook.run.StepRun;
import dev.vigil.soc.playbook.store.PlaybookVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Automation's playbooks: the list, one playbook's YAML in an editor (saving makes a new version;
 * a refused save shows the path of the wrong value and, in an expression, the character), its
 * versions (each viewable, and restorable as a new version) and latest runs, and a run's detail
 * step by step.
 */
public final class PlaybookPages {
    private static final String LIST = AutomationPages.LIST + "/playbooks";
    private static final String PLAYBOOK = LIST + "/{playbook}";
    private static final int RUNS_SHOWN = 25;
    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();
    private static final String NEW_PLAYBOOK = """
            description: ""
            triggers:
              - kind: incident
            steps:
              - id: note
                type: addComment
                message: "Seen by a playbook: {{ IncidentTitle }}"
            """;

    private final AutomationServices services;

    public PlaybookPages(ConsoleServices services) {
        this.services = services.automation();
    }

    static String listHref(String workspace) {
        return AutomationPages.listHref(workspace) + "/playbooks";
    }

    static String href(String workspace, String playbook) {
        return listHref(workspace) + "/" + ConsolePaths.encode(playbook);
    }

    public void register(ConsoleRouter router) {
        router.get(LIST, request -> list(router, request));
        router.get(LIST + "/new", request -> editNew(router, request, NEW_PLAYBOOK, Optional.empty()));
        router.post(LIST + "/new", request -> save(router, request, Optional.empty()));
        router.get(PLAYBOOK, request -> {
            Playbook playbook = playbook(request);
            show(router, request, playbook, yaml(playbook.definition().document()), Optional.empty(),
                    Optional.ofNullable(request.ctx().queryParam("saved")).map(flag -> "Saved as version " + playbook.version() + "."));
        });
        router.post(PLAYBOOK, request -> save(router, request, Optional.of(playbook(request))));
        router.get(PLAYBOOK + "/runs/{run}", request -> run(router, request));
        router.get(PLAYBOOK + "/versions/{version}", request -> version(router, request, Optional.empty()));
        router.post(PLAYBOOK + "/versions/{version}/restore", request -> restore(router, request));
        router.post(AutomationPages.LIST + "/run-playbook", this::runOnIncident);
    }

    /** The incident page's "Run playbook": the playbooks that start by hand, for this incident. */
    public static RunPlaybookForm runForm(ConsoleServices services, ConsoleRequest request, String workspace, String incident) {
        List<String> manual = services.automation().playbooks().list(workspace).stream()
                .filter(playbook -> playbook.definition().accepts(PlaybookTrigger.Manual.class)).map(Playbook::name).toList();
        return new RunPlaybookForm(manual, AutomationPages.listHref(workspace) + "/run-playbook", incident, request.user().permit(Scope.workspace(workspace), Role.RESPONDER));
    }

    /** Starts a playbook by hand on an incident, then shows the run. */
    private void runOnIncident(ConsoleRequest request) {
        String workspace = request.workspace();
        String playbook = Optional.ofNullable(request.ctx().formParam("playbook")).orElse("");
        String incident = Optional.ofNullable(request.ctx().formParam("incident")).orElse("");
        Permit permit = request.user().permit(Scope.workspace(workspace), Role.RESPONDER);
        if (!permit.allowed()) {
            throw new ConsolePageException(403, "Not allowed", permit.reason());
        }
        Authorization.require(request.ctx(), Scope.workspace(workspace), Role.RESPONDER);
        AuditNotes.put(request.ctx(), "playbook", playbook);
        PlaybookRun run;
        try {
            run = services.runner().start(new RunRequest(workspace, playbook, "manual", request.user().name(), Optional.of(incident), Optional.empty(),
                    Optional.empty(), null));
        } catch (PlaybookException e) {
            throw new ConsolePageException(400, "The playbook cannot run", e.getMessage());
        }
        request.redirect(href(workspace, run.playbook()) + "/runs/" + ConsolePaths.encode(run.runId()));
    }

    private Playbook playbook(ConsoleRequest request) {
        String name = request.ctx().pathParam("playbook");
        return services.playbooks().find(request.workspace(), name)
                .orElseThrow(() -> ConsolePageException.notFound("Workspace '" + request.workspace() + "' has no playbook '" + name + "'."));
    }

    private void list(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        List<PlaybooksPage.Row> rows = services.playbooks().list(workspace).stream().map(playbook -> {
            Optional<PlaybookRun> last = services.runs().list(workspace, playbook.name(), 1).stream().findFirst();
            return new PlaybooksPage.Row(playbook.name(), href(workspace, playbook.name()),
                    playbook.definition().triggers().stream().map(PlaybookTrigger::kind).collect(Collectors.joining(", ")),
                    playbook.definition().steps().size(), playbook.version(), DisplayTime.format(playbook.lastModifiedTimeUtc()),
                    last.map(run -> run.status().name() + ", " + DisplayTime.format(run.startTime())).orElse("Not run yet"));
        }).toList();
        router.templates().render(request.ctx(), "automation/playbooks.jte", new PlaybooksPage(request.shell(Area.AUTOMATION, "Playbooks"),
                AutomationPages.tabs(workspace, true), rows, listHref(workspace) + "/new", AutomationPages.permit(request, workspace)));
    }

    private void save(ConsoleRouter router, ConsoleRequest request, Optional<Playbook> existing) {
        String workspace = request.workspace();
        String text = Optional.ofNullable(request.ctx().formParam("document")).orElse("");
        String name = existing.map(Playbook::name).orElseGet(() -> Optional.ofNullable(request.ctx().formParam("id")).orElse("").strip());
        Permit permit = AutomationPages.permit(request, workspace);
        Optional<DocumentEditPage.Problem> problem = Optional.empty();
        if (!permit.allowed()) {
            problem = Optional.of(new DocumentEditPage.Problem("", "", permit.reason()));
        } else {
            Authorization.require(request.ctx(), Scope.workspace(workspace), Role.CONTRIBUTOR);
            AuditNotes.put(request.ctx(), "playbook", name);
            try {
                JsonNode document = PlaybookDocument.parse(text, true);
                Playbook saved = services.playbooks().save(workspace, name, document,
                        existing.map(playbook -> Long.toString(playbook.version())), request.user().name()).playbook();
                request.redirect(href(workspace, saved.name()) + "?saved=1");
                return;
            } catch (InvalidPlaybookException e) {
                problem = Optional.of(new DocumentEditPage.Problem(e.path(), e.position().isPresent() ? "character " + e.position().getAsInt() : "",
                        e.getMessage()));
            } catch (PlaybookException e) {
                problem = Optional.of(new DocumentEditPage.Problem("", "", e.getMessage()));
            }
        }
        if (existing.isPresent()) {
            show(router, request, existing.get(), text, problem, Optional.empty());
        } else {
            editNew(router, request, text, problem);
        }
    }

    private void editNew(ConsoleRouter router, ConsoleRequest request, String text, Optional<DocumentEditPage.Problem> problem) {
        String workspace = request.workspace();
        DocumentEditPage editor = new DocumentEditPage(request.shell(Area.AUTOMATION, "New playbook"), AutomationPages.tabs(workspace, true),
                "Create playbook", "playbook", AutomationPages.typedId(request), true, text, problem, Optional.empty(), listHref(workspace) + "/new", listHref(workspace),
                AutomationPages.permit(request, workspace));
        router.templates().render(request.ctx(), "automation/playbook.jte", new PlaybookPage(editor, 0, List.of(), new PlaybookRunsView(List.of())));
    }

    private void show(ConsoleRouter router, ConsoleRequest request, Playbook playbook, String text, Optional<DocumentEditPage.Problem> problem,
            Optional<String> saved) {
        String workspace = request.workspace();
        DocumentEditPage editor = new DocumentEditPage(request.shell(Area.AUTOMATION, "Playbook " + playbook.name()),
                AutomationPages.tabs(workspace, true), "Playbook " + playbook.name(), "playbook", playbook.name(), false, text, problem, saved,
                href(workspace, playbook.name()), listHref(workspace), AutomationPages.permit(request, workspace));
        List<PlaybookRunsView.Row> runs = services.runs().list(workspace, playbook.name(), RUNS_SHOWN).stream().map(run -> new PlaybookRunsView.Row(
                run.runId(), href(workspace, playbook.name()) + "/runs/" + ConsolePaths.encode(run.runId()), run.status().name(), run.trigger(),
                run.origin(), DisplayTime.format(run.startTime()), duration(run.startTime(), run.endTime()), run.error() == null ? "" : run.error()))
                .toList();
        List<PlaybookPage.Version> versions = services.playbooks().history(workspace, playbook.name()).stream()
                .map(version -> new PlaybookPage.Version(version.version(), DisplayTime.format(version.savedTimeUtc()), version.savedBy(),
                        href(workspace, playbook.name()) + "/versions/" + version.version()))
                .toList();
        router.templates().render(request.ctx(), "automation/playbook.jte", new PlaybookPage(editor, playbook.version(), versions,
                new PlaybookRunsView(runs)));
    }

    /** One saved version, read-only, with what restoring it does. */
    private void version(ConsoleRouter router, ConsoleRequest request, Optional<String> problem) {
        String workspace = request.workspace();
        Playbook current = playbook(request);
        long number = versionNumber(request);
        PlaybookVersion saved = services.playbooks().history(workspace, current.name()).stream().filter(version -> version.version() == number)
                .findFirst().orElseThrow(() -> ConsolePageException.notFound("Playbook '" + current.name() + "' has no version " + number + "."));
        Playbook version = services.playbooks().version(workspace, current.name(), number);
        String base = href(workspace, current.name());
        router.templates().render(request.ctx(), "automation/playbookVersion.jte", new PlaybookVersionPage(
                request.shell(Area.AUTOMATION, "Playbook " + current.name() + ", version " + number), AutomationPages.tabs(workspace, true),
                current.name(), number, current.version(), DisplayTime.format(saved.savedTimeUtc()), saved.savedBy(),
                yaml(version.definition().document()), base, base + "/versions/" + number + "/restore", problem,
                AutomationPages.permit(request, workspace)));
    }

    /** Saves an older version again as the newest; the versions between stay. */
    private void restore(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        Playbook current = playbook(request);
        Permit permit = AutomationPages.permit(request, workspace);
        if (!permit.allowed()) {
            version(router, request, Optional.of(permit.reason()));
            return;
        }
        Authorization.require(request.ctx(), Scope.workspace(workspace), Role.CONTRIBUTOR);
        AuditNotes.put(request.ctx(), "playbook", current.name());
        try {
            // the version the user looked at when choosing to restore: a save in between is a conflict, not overwritten
            Optional<String> ifMatch = Optional.ofNullable(request.ctx().formParam("current")).filter(text -> !text.isBlank());
            Playbook saved = services.playbooks().restore(workspace, current.name(), versionNumber(request), ifMatch, request.user().name())
                    .playbook();
            request.redirect(href(workspace, saved.name()) + "?saved=1");
        } catch (PlaybookException e) {
            version(router, request, Optional.of(e.getMessage()));
        }
    }

    private static long versionNumber(ConsoleRequest request) {
        String text = request.ctx().pathParam("version");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ConsolePageException.notFound("'" + text + "' is not a version number.");
        }
    }

    private void run(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        String name = request.ctx().pathParam("playbook");
        String runId = request.ctx().pathParam("run");
        PlaybookRun run = services.runs().find(workspace, name, runId)
                .orElseThrow(() -> ConsolePageException.notFound("Playbook '" + name + "' has no run '" + runId + "'."));
        List<RunPage.Step> steps = run.steps().stream().map(PlaybookPages::step).toList();
        // the incident as the run saw it at its start, which its inputs keep (number 0: none)
        long incidentNumber = run.inputs() == null ? 0 : run.inputs().path(PlaybookScope.INCIDENT_NUMBER).asLong();
        String incidentLabel = incidentNumber > 0 ? "#" + incidentNumber + " " + run.inputs().path(PlaybookScope.INCIDENT_TITLE).asText() : "";
        String incidentHref = incidentNumber > 0 ? IncidentPages.href(workspace, incidentNumber) : "";
        router.templates().render(request.ctx(), "automation/run.jte", new RunPage(request.shell(Area.AUTOMATION, "Run " + runId),
                AutomationPages.tabs(workspace, true), name, href(workspace, name), run.runId(), run.version(), run.status().name(), run.trigger(),
                run.origin(), incidentLabel, incidentHref, DisplayTime.format(run.startTime()),
                duration(run.startTime(), run.endTime()), run.error() == null ? "" : run.error(), AutomationPages.pretty(run.inputs()), steps));
    }

    private static RunPage.Step step(StepRun step) {
        String attempts = step.attempts().stream().map(PlaybookPages::attempt).collect(Collectors.joining("\n"));
        return new RunPage.Step(step.path(), step.type(), step.status().name(), DisplayTime.format(step.startTime()),
                duration(step.startTime(), step.endTime()), step.attempts().size(), attempts, step.input() == null ? "" : AutomationPages.pretty(step.input()),
                step.output() == null ? "" : AutomationPages.pretty(step.output()), step.error() == null ? "" : step.error());
    }

    private static String attempt(StepAttempt attempt) {
        return "#" + attempt.attempt() + " " + DisplayTime.format(attempt.startTime()) + " " + duration(attempt.startTime(), attempt.endTime())
                + (attempt.error() == null ? "" : ": " + attempt.error());
    }

    private static String duration(Instant start, Instant end) {
        if (start == null || end == null) {
            return "running";
        }
        Duration taken = Duration.between(start, end);
        return taken.toMillis() < 1000 ? taken.toMillis() + " ms" : String.format("%.1f s", taken.toMillis() / 1000.0);
    }

    static String yaml(JsonNode document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            return document.toString();
        }
    }
}
