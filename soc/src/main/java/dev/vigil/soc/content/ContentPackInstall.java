package dev.vigil.soc.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.content.sigma.SigmaConverter;
import dev.vigil.soc.playbook.store.Playbooks;
import dev.vigil.soc.workbook.Workbooks;
import dev.vigil.soc.workbook.evaluation.WorkbookEvaluator;
import dev.vigil.soc.workbook.notebook.NotebookDocument;
import dev.vigil.workspace.api.KqlQueryException;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import dev.vigil.workspace.api.TableInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installs a content pack in one step: a Sentinel solution folder ({@code Analytic Rules/},
 * {@code Hunting Queries/}, {@code Parsers/}, {@code Workbooks/}, {@code Playbooks/}). Parsers go
 * first, so that the rules and hunting queries calling them compile; each item is answered as its
 * own import answers it, with what it needs (the tables its query reads, the connectors its file
 * names, and for a playbook the settings its steps use). Workbooks and playbooks are saved as their stores save them; files outside the content
 * folders, and files that are not YAML or JSON (read-me files, images), are passed over and listed.
 */
public final class ContentPackInstall {
    private static final Pattern TABLE_SCAN = Pattern.compile("TableScan (\\S+)");

    private final AlertRuleImport rules;
    private final ParserImport parsers;
    private final WorkbookInstall workbooks;
    private final Workbooks savedWorkbooks;
    private final PlaybookInstall playbooks;
    private final Playbooks savedPlaybooks;
    private final LogStore logStore;

    public ContentPackInstall(AlertRuleImport rules, ParserImport parsers, Workbooks workbooks, Playbooks playbooks, LogStore logStore) {
        this.rules = rules;
        this.parsers = parsers;
        this.workbooks = new WorkbookInstall(workbooks);
        this.savedWorkbooks = workbooks;
        this.playbooks = new PlaybookInstall(playbooks, logStore);
        this.savedPlaybooks = playbooks;
        this.logStore = logStore;
    }

    /**
     * @param files the pack's files, each named by its path within the pack ({@code Analytic Rules/Ssh.yaml})
     * @param user who installs it: the workbooks and playbooks are saved as theirs
     */
    public PackInstallation install(String workspaceId, String pack, List<ContentFile> files, boolean enable, String user) {
        List<ContentFile> parserFiles = new ArrayList<>();
        List<ContentFile> ruleFiles = new ArrayList<>();
        List<ContentFile> workbookFiles = new ArrayList<>();
        List<ContentFile> playbookFiles = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ContentFile file : files) {
            Optional<PackFolder> folder = PackFolder.of(file.name());
            if (folder.isEmpty() || !new PackPath(file.name()).isContent()) {
                skipped.add(file.name());
                continue;
            }
            switch (folder.get()) {
                case PARSERS -> parserFiles.add(file);
                case ANALYTIC_RULES, HUNTING_QUERIES -> ruleFiles.add(file);
                case WORKBOOKS -> workbookFiles.add(file);
                case PLAYBOOKS -> playbookFiles.add(file);
            }
        }
        List<ImportOutcome> outcomes = new ArrayList<>(parsers.importFiles(workspaceId, parserFiles));
        if (!ruleFiles.isEmpty()) {
            outcomes.addAll(rules.importFiles(workspaceId, ruleFiles, enable));
        }
        workbookFiles.forEach(file -> outcomes.add(workbooks.install(workspaceId, pack, file, user)));
        // playbooks last: their query steps may call the pack's parsers
        playbookFiles.forEach(file -> outcomes.add(playbooks.install(workspaceId, pack, file, user)));
        Map<String, ContentFile> byName = new HashMap<>();
        files.forEach(file -> byName.put(file.name(), file));
        List<PackItem> items = new ArrayList<>();
        Set<String> tables = new TreeSet<>();
        Set<String> connectors = new TreeSet<>();
        Set<String> settings = new LinkedHashSet<>();
        for (ImportOutcome outcome : outcomes) {
            ContentNeeds needs = needs(workspaceId, outcome, byName.get(outcome.file()));
            tables.addAll(needs.tables());
            connectors.addAll(needs.connectors());
            settings.addAll(needs.settings());
            items.add(new PackItem(outcome, needs));
        }
        Map<String, Long> tableRows = new HashMap<>();
        for (TableInfo table : logStore.tables(workspaceId)) {
            if (tables.contains(table.name())) {
                tableRows.put(table.name(), table.rowCount());
            }
        }
        return new PackInstallation(pack, items, tableRows, List.copyOf(connectors), List.copyOf(settings), skipped);
    }

    /** What an installed rule, hunting query, parser, workbook or playbook needs; nothing is known of one refused. */
    private ContentNeeds needs(String workspaceId, ImportOutcome outcome, ContentFile file) {
        if (file == null || outcome.status() == ImportStatus.Refused) {
            return ContentNeeds.NONE;
        }
        if (outcome.kind() == ContentItemKind.Playbook) {
            return outcome.id().flatMap(name -> savedPlaybooks.find(workspaceId, name))
                    .map(playbook -> PlaybookNeeds.of(playbook.definition(), query -> tablesRead(workspaceId, query)))
                    .orElse(ContentNeeds.NONE);
        }
        if (outcome.kind() == ContentItemKind.Workbook) {
            return outcome.id().flatMap(id -> savedWorkbooks.find(workspaceId, id)).map(workbook -> workbookNeeds(workspaceId, workbook.document()))
                    .orElse(ContentNeeds.NONE);
        }
        JsonNode tree = ContentFiles.read(file);
        Set<String> connectors = new LinkedHashSet<>();
        List<String> queries = new ArrayList<>();
        switch (ContentFiles.kindOf(tree)) {
            case RULE_YAML, HUNTING_YAML -> {
                SentinelHuntingYaml.connectors(tree.path("requiredDataConnectors")).forEach(c -> connectors.add(c.connectorId()));
                queries.add(tree.path("query").asText(""));
            }
            case ARM_TEMPLATE -> ArmTemplate.ruleResources(tree).forEach(resource -> queries.add(resource.path("properties").path("query").asText("")));
            case PARSER_YAML -> outcome.id().ifPresent(queries::add);
            case SIGMA_YAML -> queries.add(SigmaConverter.convert(tree).query());
            case UNKNOWN -> {
            }
        }
        Set<String> tables = new TreeSet<>();
        for (String query : queries) {
            tables.addAll(tablesRead(workspaceId, query));
        }
        return new ContentNeeds(List.copyOf(tables), List.copyOf(connectors));
    }

    /**
     * The tables a workbook's queries read: it is evaluated with its parameters' defaults, each query
     * explained rather than run (a parameter filled from a query's rows gets none, and its default).
     */
    private ContentNeeds workbookNeeds(String workspaceId, NotebookDocument document) {
        Set<String> tables = new TreeSet<>();
        new WorkbookEvaluator(Runnable::run, 1, Clock.systemUTC()).evaluate(document, Map.of(), (kql, timespan) -> {
            tables.addAll(tablesRead(workspaceId, kql));
            return new ResultTable("PrimaryResult", List.of(), List.of());
        });
        return new ContentNeeds(List.copyOf(tables), List.of());
    }

    /** The tables a query reads, from its plan; none if it does not compile on its own (a function whose parameters have no defaults). */
    private Set<String> tablesRead(String workspaceId, String query) {
        Set<String> tables = new TreeSet<>();
        if (query.isBlank()) {
            return tables;
        }
        String text = query.replace("{{StartTimeISO}}", Instant.EPOCH.toString()).replace("{{EndTimeISO}}", Instant.EPOCH.toString());
        try {
            Matcher scan = TABLE_SCAN.matcher(logStore.explain(workspaceId, QueryRequest.of(text)).plan());
            while (scan.find()) {
                tables.add(scan.group(1));
            }
        } catch (KqlQueryException e) {
            // the import answered for the item already; its needs stay unknown
        }
        return tables;
    }
}
