package dev.vigil.soc.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.content.sigma.SigmaConverter;
import dev.vigil.soc.hunting.HuntingQueries;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.AlertRuleProperties;
import dev.vigil.soc.rule.InvalidAlertRuleException;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.soc.rule.store.SavedAlertRule;
import dev.vigil.workspace.api.KqlQueryException;
import dev.vigil.workspace.api.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Imports analytic rules from Sentinel's rule YAML, from ARM templates of exported rules and from
 * Sigma rules (converted to Scheduled rules), and, told apart by their fields, hunting queries
 * (Sentinel's hunting-query YAML). A
 * rule is created, or updated by id when the file's version is newer (or, without versions, its
 * content differs); a rule already installed at the same or a newer version is left unchanged.
 * New rules are disabled unless asked; an update keeps the rule enabled if it was.
 */
public final class AlertRuleImport {
    static final int FILES_PER_COMMIT = 50;

    private final AlertRules rules;
    private final StateStore state;
    private final ImportedVersions versions;
    private final HuntingQueryImport huntingQueries;

    public AlertRuleImport(AlertRules rules, HuntingQueries huntingQueries, StateStore state) {
        this.rules = rules;
        this.state = state;
        this.versions = new ImportedVersions(state);
        this.huntingQueries = new HuntingQueryImport(huntingQueries);
    }

    /** One outcome per rule, in file order (a template may hold several); a file with no rule gets one refusal. */
    public List<ImportOutcome> importFiles(String workspaceId, List<ContentFile> files, boolean enable) {
        rules.list(workspaceId); // an unknown workspace fails the whole import (WorkspaceNotFoundException), not each file
        List<ImportOutcome> outcomes = new ArrayList<>();
        // a commit per few dozen files rather than two per rule; short enough not to hold up other writers long
        for (int from = 0; from < files.size(); from += FILES_PER_COMMIT) {
            List<ContentFile> chunk = files.subList(from, Math.min(files.size(), from + FILES_PER_COMMIT));
            state.transaction(() -> chunk.forEach(file -> outcomes.addAll(importFile(workspaceId, file, enable))));
        }
        return outcomes;
    }

    private List<ImportOutcome> importFile(String workspaceId, ContentFile file, boolean enable) {
        JsonNode tree;
        try {
            tree = ContentFiles.read(file);
        } catch (ContentRefusedException e) {
            return List.of(ImportOutcome.refused(file.name(), ContentItemKind.AlertRule, Optional.empty(), Optional.empty(), e.refusal()));
        }
        return switch (ContentFiles.kindOf(tree)) {
            case RULE_YAML -> List.of(importOne(workspaceId, file.name(), SentinelRuleYaml.id(tree), SentinelRuleYaml.name(tree),
                    () -> SentinelRuleYaml.read(tree, enable), enable));
            case ARM_TEMPLATE -> importTemplate(workspaceId, file.name(), tree, enable);
            case HUNTING_YAML -> List.of(huntingQueries.importFile(workspaceId, file.name(), tree));
            case SIGMA_YAML -> List.of(importOne(workspaceId, file.name(), SigmaConverter.id(tree), SigmaConverter.title(tree),
                    () -> SigmaRuleFile.read(tree, enable), enable));
            case PARSER_YAML -> List.of(ImportOutcome.refused(file.name(), ContentItemKind.AlertRule, Optional.empty(), Optional.empty(), Refusal.of(RefusalReason.WrongKind,
                    "the file is a parser (it has FunctionName or ParserName); import it as a function")));
            case UNKNOWN -> List.of(ImportOutcome.refused(file.name(), ContentItemKind.AlertRule, Optional.empty(), Optional.empty(), Refusal.of(RefusalReason.UnreadableFile,
                    "the file is neither a Sentinel rule (id, name, query...) nor an ARM template with alertRules resources")));
        };
    }

    private List<ImportOutcome> importTemplate(String workspaceId, String file, JsonNode template, boolean enable) {
        List<JsonNode> resources = ArmTemplate.ruleResources(template);
        if (resources.isEmpty()) {
            return List.of(ImportOutcome.refused(file, ContentItemKind.AlertRule, Optional.empty(), Optional.empty(), Refusal.of(RefusalReason.WrongKind,
                    "the ARM template holds no alertRules resource")));
        }
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (JsonNode resource : resources) {
            Optional<String> name = Optional.ofNullable(resource.path("properties").get("displayName")).map(JsonNode::asText);
            outcomes.add(importOne(workspaceId, file, ArmTemplate.resourceId(resource), name, () -> ArmTemplate.rule(resource, enable), enable));
        }
        return outcomes;
    }

    /** A reading of one rule that may refuse it. */
    @FunctionalInterface
    private interface RuleReading {
        RuleDocument read();
    }

    private ImportOutcome importOne(String workspaceId, String file, Optional<String> id, Optional<String> name, RuleReading reading,
                                    boolean enable) {
        try {
            RuleDocument rule = reading.read();
            return save(workspaceId, file, rule, enable);
        } catch (ContentRefusedException e) {
            return ImportOutcome.refused(file, ContentItemKind.AlertRule, id, name, e.refusal());
        } catch (KqlQueryException e) {
            return ImportOutcome.refused(file, ContentItemKind.AlertRule, id, name, Refusal.of(e));
        } catch (InvalidAlertRuleException e) {
            return ImportOutcome.refused(file, ContentItemKind.AlertRule, id, name, Refusal.of(RefusalReason.InvalidValue, e.getMessage()));
        }
    }

    private ImportOutcome save(String workspaceId, String file, RuleDocument rule, boolean enable) {
        Optional<AlertRule> existing = rules.find(workspaceId, rule.id());
        Optional<String> installed = versions.version(workspaceId, ImportedVersions.RULE, rule.id());
        AlertRuleProperties properties = rule.properties().withEnabled(enable || existing.map(AlertRule::enabled).orElse(false));
        Optional<String> unchanged = existing.isEmpty() ? Optional.empty() : whyUnchanged(existing.get(), properties, rule.version(), installed);
        if (unchanged.isPresent()) {
            return outcome(file, rule, ImportStatus.Unchanged, unchanged);
        }
        SavedAlertRule saved = rules.save(workspaceId, rule.id(), properties, Optional.empty());
        versions.record(workspaceId, ImportedVersions.RULE, rule.id(), rule.version());
        return outcome(file, rule, saved.created() ? ImportStatus.Imported : ImportStatus.Updated, Optional.empty());
    }

    private static Optional<String> whyUnchanged(AlertRule existing, AlertRuleProperties properties, Optional<String> version,
                                                 Optional<String> installed) {
        if (ContentVersion.comparable(version, installed)) {
            return ContentVersion.notNewer(version.get(), installed.get());
        }
        return existing.properties().equals(properties) ? Optional.of("the installed rule is the same") : Optional.empty();
    }

    private static ImportOutcome outcome(String file, RuleDocument rule, ImportStatus status, Optional<String> note) {
        return new ImportOutcome(file, ContentItemKind.AlertRule, Optional.of(rule.id()), Optional.of(rule.properties().displayName()), rule.version(), status,
                Optional.empty(), note);
    }
}
