package dev.vigil.server.console.analytics;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.kql.diagnostics.Severity;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.console.ConsolePageException;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.ContentSecurityPolicy;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.Assets;
import dev.vigil.server.console.layout.Shell;
import dev.vigil.server.console.logs.LogsPages;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.AlertRuleEtagMismatchException;
import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.soc.rule.AlertRuleProperties;
import dev.vigil.soc.rule.InvalidAlertRuleException;
import dev.vigil.soc.rule.QueryRuleProperties;
import dev.vigil.soc.rule.dryrun.DryRunResult;
import dev.vigil.soc.rule.dryrun.DryRunWindow;
import dev.vigil.soc.rule.dryrun.DryRuns;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.soc.rule.store.SavedAlertRule;
import dev.vigil.soc.rule.template.AlertRuleTemplates;
import dev.vigil.workspace.api.KqlQueryException;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The rule wizard for Scheduled and NRT rules: a new rule (blank, or from a template), a saved
 * rule's edits, the form re-rendered as rows are added or the query changes (its result columns
 * are what entities and details pick from), and the results simulation: the existing dry run of
 * the form's rule over a past window, before anything is saved.
 */
public final class RuleWizardPages {
    private static final String NEW = AnalyticsPages.LIST + "/new";
    private static final String REFRESH = AnalyticsPages.LIST + "/wizard";
    private static final String DRY_RUN = AnalyticsPages.LIST + "/dry-run";
    private static final Map<String, String> WINDOWS = windows();
    private static final String DEFAULT_WINDOW = "PT6H";

    private final AlertRules rules;
    private final AlertRuleTemplates templates;
    private final DryRuns dryRuns;
    private final LogStore logStore;
    private final Clock clock;

    RuleWizardPages(ConsoleServices services) {
        this.rules = services.rules();
        this.templates = services.ruleTemplates();
        this.dryRuns = services.dryRuns();
        this.logStore = services.logStore();
        this.clock = services.clock();
    }

    private static Map<String, String> windows() {
        Map<String, String> windows = new LinkedHashMap<>();
        windows.put("PT1H", "Last hour");
        windows.put("PT6H", "Last 6 hours");
        windows.put("P1D", "Last 24 hours");
        windows.put("P3D", "Last 3 days");
        windows.put("P7D", "Last 7 days");
        return windows;
    }

    /** The wizard for a new rule of this kind. */
    public static String newHref(String workspace, AlertRuleKind kind) {
        return AnalyticsPages.listHref(workspace) + "/new?kind=" + kind.armName();
    }

    /** The wizard for a new rule filled from a template. */
    static String fromTemplateHref(String workspace, String templateId) {
        return AnalyticsPages.listHref(workspace) + "/new?template=" + dev.vigil.server.console.layout.ConsolePaths.encode(templateId);
    }

    void register(ConsoleRouter router) {
        router.get(NEW, request -> newRule(router, request));
        router.post(NEW, request -> create(router, request));
        router.post(REFRESH, request -> refresh(router, request));
        router.post(DRY_RUN, request -> dryRunUnsaved(router, request));
        router.post(AnalyticsPages.RULE + "/dry-run", request -> dryRunSaved(router, request));
    }

    private void newRule(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        String templateId = request.ctx().queryParam("template");
        RuleDraft draft;
        if (templateId != null) {
            AlertRuleProperties fromTemplate = templates.find(templateId).map(t -> templates.ruleFrom(t.id(), true))
                    .orElseThrow(() -> ConsolePageException.notFound("There is no rule template '" + templateId + "'."));
            if (!(fromTemplate instanceof QueryRuleProperties query)) {
                throw new ConsolePageException(404, "Not a query rule", "The template '" + fromTemplate.displayName()
                        + "' makes a Microsoft Security rule; create it from the Rule templates tab.");
            }
            draft = RuleDraft.of(query);
        } else {
            AlertRuleKind kind = AlertRuleKind.fromArmName(request.ctx().queryParam("kind")).filter(k -> k != AlertRuleKind.MICROSOFT_SECURITY_INCIDENT_CREATION)
                    .orElse(AlertRuleKind.SCHEDULED);
            draft = RuleDraft.blank(kind);
        }
        render(router, request, draft, Optional.empty(), Optional.empty(), false);
    }

    void edit(ConsoleRouter router, ConsoleRequest request, AlertRule rule) {
        render(router, request, RuleDraft.of((QueryRuleProperties) rule.properties()), Optional.of(rule), Optional.empty(),
                request.ctx().queryParam("saved") != null);
    }

    private void create(ConsoleRouter router, ConsoleRequest request) {
        saveDraft(router, request, Optional.empty());
    }

    void save(ConsoleRouter router, ConsoleRequest request, AlertRule rule) {
        saveDraft(router, request, Optional.of(rule));
    }

    /** Saves the form's rule, new or over the saved one; a refusal shows the form again with the error at its field. */
    private void saveDraft(ConsoleRouter router, ConsoleRequest request, Optional<AlertRule> rule) {
        String workspace = request.workspace();
        RuleDraft draft = RuleDraft.fromForm(request.ctx().formParamMap());
        Permit permit = RuleChanges.permit(request, workspace);
        if (!permit.allowed()) {
            render(router, request, draft, rule, Optional.of(new FieldError("", permit.reason())), false);
            return;
        }
        String ruleId = rule.map(AlertRule::id).orElseGet(() -> UUID.randomUUID().toString());
        RuleChanges.require(request, workspace, ruleId);
        try {
            Optional<String> etag = rule.isPresent() ? Optional.ofNullable(request.ctx().formParam("etag")) : Optional.empty();
            SavedAlertRule saved = rules.save(workspace, ruleId, draft.toProperties(), etag);
            request.redirect(AnalyticsPages.ruleHref(workspace, saved.rule().id()) + "?saved");
        } catch (InvalidAlertRuleException | KqlQueryException | AlertRuleEtagMismatchException e) {
            render(router, request, draft, rule, Optional.of(fieldError(e)), false);
        }
    }

    /** The form again after a row was added or removed, an entity type chosen or the query changed: htmx takes the part it asked for. */
    private void refresh(ConsoleRouter router, ConsoleRequest request) {
        RuleDraft draft = RuleDraft.fromForm(request.ctx().formParamMap()).apply(request.ctx().formParam("action"));
        Optional<AlertRule> rule = Optional.ofNullable(request.ctx().formParam("ruleId")).filter(id -> !id.isEmpty())
                .flatMap(id -> rules.find(request.workspace(), id));
        render(router, request, draft, rule, Optional.empty(), false);
    }

    private void render(ConsoleRouter router, ConsoleRequest request, RuleDraft draft, Optional<AlertRule> rule, Optional<FieldError> error,
            boolean saved) {
        String workspace = request.workspace();
        String nonce = ContentSecurityPolicy.newNonce();
        request.ctx().header(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.withEditor(nonce).headerValue());
        Permit permit = RuleChanges.permit(request, workspace);
        String kind = AnalyticsPages.kindLabel(draft.kind());
        String heading = rule.isPresent() ? "Edit " + kind + " rule" : "Create " + (draft.scheduled() ? "scheduled query" : "NRT") + " rule";
        Shell shell = request.shell(Area.ANALYTICS, rule.map(AlertRule::displayName).orElse(heading))
                .withEditor(nonce, List.of(Assets.MONACO_BASE + "/vs/loader.js", Assets.KQL_EDITOR_SCRIPT, Assets.RULE_WIZARD_SCRIPT));
        String list = AnalyticsPages.listHref(workspace);
        String saveAction = rule.map(r -> AnalyticsPages.ruleHref(workspace, r.id())).orElse(list + "/new");
        String dryRunAction = rule.isPresent() && !permit.allowed() ? AnalyticsPages.ruleHref(workspace, rule.get().id()) + "/dry-run" : list + "/dry-run";
        String chosenWindow = Optional.ofNullable(request.ctx().formParam("dryRunWindow")).filter(WINDOWS::containsKey).orElse(DEFAULT_WINDOW);
        List<Option> windows = WINDOWS.entrySet().stream().map(w -> new Option(w.getKey(), w.getValue(), w.getKey().equals(chosenWindow))).toList();
        RuleWizardPage page = new RuleWizardPage(shell, heading, draft, rule.map(AlertRule::id), rule.map(AlertRule::etag).orElse(""), permit, error,
                saved, columns(workspace, draft.query()), saveAction, list + "/wizard", dryRunAction, list, Assets.MONACO_BASE,
                LogsPages.href(workspace) + "/catalog", LogsPages.href(workspace) + "/diagnostics", windows);
        router.templates().render(request.ctx(), "analytics/wizard.jte", page);
    }

    /** The query's result columns, by compiling it (not running it). */
    private ResultColumns columns(String workspace, String query) {
        if (query.isBlank()) {
            return new ResultColumns(List.of(), Optional.of("Write the rule query first: its result columns are offered here."));
        }
        try {
            return new ResultColumns(logStore.explain(workspace, QueryRequest.of(query)).columns().stream().map(ColumnSchema::name).toList(),
                    Optional.empty());
        } catch (KqlQueryException e) {
            return new ResultColumns(List.of(), Optional.of("The query does not compile yet; its result columns are offered once it does."));
        }
    }

    /** The refusal at the property it names: the domain's property path, or the query's line and column. */
    static FieldError fieldError(RuntimeException e) {
        if (e instanceof InvalidAlertRuleException invalid) {
            String prefix = invalid.property() + ": ";
            String message = invalid.getMessage().startsWith(prefix) ? invalid.getMessage().substring(prefix.length()) : invalid.getMessage();
            return new FieldError(invalid.property(), message);
        }
        if (e instanceof KqlQueryException kql) {
            Optional<KqlDiagnostic> first = kql.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).findFirst()
                    .or(() -> kql.diagnostics().stream().findFirst());
            return new FieldError("properties.query", first.map(d -> "Line " + d.line() + ", column " + d.column() + ": " + d.message())
                    .orElse("The query does not compile: " + kql.getMessage()));
        }
        return new FieldError("etag", "The rule changed meanwhile (someone saved it after you opened it); open it again to see the changes. "
                + e.getMessage());
    }

    /** The results simulation of the form's rule, unsaved: what the API's dry run answers, which Readers may ask too. */
    private void dryRunUnsaved(ConsoleRouter router, ConsoleRequest request) {
        dryRun(router, request, (workspace, window) -> dryRuns.ofUnsaved(workspace, RuleDraft.fromForm(request.ctx().formParamMap()).toProperties(), window));
    }

    /** The results simulation of the saved rule, for those who see its settings but may not change them. */
    private void dryRunSaved(ConsoleRouter router, ConsoleRequest request) {
        dryRun(router, request, (workspace, window) -> dryRuns.ofSaved(workspace, request.ctx().pathParam("rule"), window));
    }

    private void dryRun(ConsoleRouter router, ConsoleRequest request, BiFunction<String, DryRunWindow, DryRunResult> replay) {
        String workspace = request.workspace();
        Authorization.require(request.ctx(), Scope.workspace(workspace), Role.READER);
        String window = window(request);
        DryRunView view;
        try {
            view = DryRunView.of(WINDOWS.get(window), replay.apply(workspace, dryRunWindow(window)));
        } catch (InvalidAlertRuleException | KqlQueryException e) {
            FieldError error = fieldError(e);
            view = DryRunView.failed(WINDOWS.get(window), "The rule cannot be simulated: " + error.property() + ": " + error.message());
        }
        router.templates().render(request.ctx(), "analytics/dryRun.jte", view);
    }

    private static String window(ConsoleRequest request) {
        return Optional.ofNullable(request.ctx().formParam("dryRunWindow")).filter(WINDOWS::containsKey).orElse(DEFAULT_WINDOW);
    }

    private DryRunWindow dryRunWindow(String window) {
        Instant end = clock.instant();
        return new DryRunWindow(end.minus(Duration.parse(window)), end);
    }
}
