package dev.vigil.soc.automation.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.automation.ActionNotAvailableException;
import dev.vigil.soc.automation.AutomationAction;
import dev.vigil.soc.automation.AutomationRule;
import dev.vigil.soc.automation.AutomationRuleDefinition;
import dev.vigil.soc.automation.AutomationRuleEtagMismatchException;
import dev.vigil.soc.automation.AutomationRuleNotFoundException;
import dev.vigil.soc.automation.InvalidAutomationRuleException;
import dev.vigil.soc.automation.json.AutomationRuleJson;
import dev.vigil.soc.playbook.PlaybookException;
import dev.vigil.soc.automation.TriggersOn;
import dev.vigil.soc.playbook.run.PlaybookLauncher;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.StateStore;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The automation rules of every workspace, kept in the state store and in memory. Each workspace's
 * rules are held as one list in run order, replaced whole on every save, so that the automation
 * reads them without a lock however often incidents change.
 */
public final class AutomationRules {
    private static final String COLLECTION = "automationRules";
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogStore logStore;
    private final DocumentCollection<StoredAutomationRule> documents;
    private final Clock clock;
    private final Map<String, List<AutomationRule>> byWorkspace = new ConcurrentHashMap<>();
    private final Optional<PlaybookLauncher> playbooks;

    private AutomationRules(LogStore logStore, DocumentCollection<StoredAutomationRule> documents, Clock clock, Optional<PlaybookLauncher> playbooks) {
        this.logStore = logStore;
        this.documents = documents;
        this.clock = clock;
        this.playbooks = playbooks;
    }

    /** Rules without playbooks: a {@code RunPlaybook} action is refused at save. */
    public static AutomationRules open(LogStore logStore, StateStore state, Clock clock) {
        return open(logStore, state, clock, Optional.empty());
    }

    /** @param playbooks checks, at save, that a {@code RunPlaybook} action names a playbook that starts on incidents */
    public static AutomationRules open(LogStore logStore, StateStore state, Clock clock, Optional<PlaybookLauncher> playbooks) {
        AutomationRules rules = new AutomationRules(logStore, state.collection(COLLECTION, StoredAutomationRule.class), clock, playbooks);
        for (StoredAutomationRule stored : rules.documents.list()) {
            rules.remember(rules.rule(stored));
        }
        return rules;
    }

    /** The workspace's rules in run order. */
    public List<AutomationRule> list(String workspaceId) {
        checkWorkspace(workspaceId);
        return byWorkspace.getOrDefault(workspaceId, List.of());
    }

    /** The workspace's rules in run order, without checking that the workspace exists: for the automation, on every change. */
    public List<AutomationRule> inRunOrder(String workspaceId) {
        return byWorkspace.getOrDefault(workspaceId, List.of());
    }

    public AutomationRule get(String workspaceId, String id) {
        return list(workspaceId).stream().filter(rule -> rule.id().equals(id)).findFirst()
                .orElseThrow(() -> new AutomationRuleNotFoundException(workspaceId, id));
    }

    /**
     * Creates or replaces the rule.
     *
     * @param ifMatch when present, the rule must exist at this etag (quotes optional), else {@link AutomationRuleEtagMismatchException}
     */
    public synchronized SavedAutomationRule save(String workspaceId, String id, AutomationRuleDefinition definition, Optional<String> ifMatch,
            String user) {
        checkWorkspace(workspaceId);
        if (!RULE_ID.matcher(id).matches()) {
            throw new InvalidAutomationRuleException("name", "an automation rule id is 1 to 128 letters, digits, '-', '_' or '.', starting with a"
                    + " letter or digit; was '" + id + "'");
        }
        Optional<AutomationRule> existing = list(workspaceId).stream().filter(rule -> rule.id().equals(id)).findFirst();
        checkEtag(workspaceId, id, existing, ifMatch);
        checkPlaybooks(workspaceId, definition);
        Instant now = clock.instant();
        StoredAutomationRule stored = new StoredAutomationRule(workspaceId, id, json(definition),
                existing.map(AutomationRule::createdTimeUtc).orElse(now), now, existing.map(AutomationRule::createdBy).orElse(user), user,
                existing.map(rule -> rule.revision() + 1).orElse(1L));
        documents.put(key(workspaceId, id), stored);
        AutomationRule rule = rule(stored);
        remember(rule);
        return new SavedAutomationRule(rule, existing.isEmpty());
    }

    public synchronized void delete(String workspaceId, String id, Optional<String> ifMatch) {
        AutomationRule rule = get(workspaceId, id);
        checkEtag(workspaceId, id, Optional.of(rule), ifMatch);
        documents.delete(key(workspaceId, id));
        byWorkspace.put(workspaceId, list(workspaceId).stream().filter(r -> !r.id().equals(id)).toList());
    }

    private void checkPlaybooks(String workspaceId, AutomationRuleDefinition definition) {
        for (int i = 0; i < definition.actions().size(); i++) {
            if (definition.actions().get(i) instanceof AutomationAction.RunPlaybook run) {
                String path = "properties.actions[" + i + "].actionConfiguration.logicAppResourceId";
                if (playbooks.isEmpty()) {
                    throw new ActionNotAvailableException(path, "RunPlaybook", "this server runs no playbooks");
                }
                try {
                    if (definition.triggeringLogic().triggersOn() == TriggersOn.Alerts) {
                        playbooks.get().checkRunnableOnAlerts(workspaceId, run.playbook());
                    } else {
                        playbooks.get().checkRunnableOnIncidents(workspaceId, run.playbook());
                    }
                } catch (PlaybookException e) {
                    throw new InvalidAutomationRuleException(path, e.getMessage());
                }
            }
        }
    }

    private static void checkEtag(String workspaceId, String id, Optional<AutomationRule> existing, Optional<String> ifMatch) {
        if (ifMatch.isEmpty() || ifMatch.get().equals("*")) {
            return;
        }
        AutomationRule current = existing.orElseThrow(() -> new AutomationRuleNotFoundException(workspaceId, id));
        if (!current.etag().equals("\"" + ifMatch.get().replace("\"", "").strip() + "\"")) {
            throw new AutomationRuleEtagMismatchException(current, ifMatch.get());
        }
    }

    private void remember(AutomationRule rule) {
        byWorkspace.compute(rule.workspaceId(), (workspace, rules) -> {
            List<AutomationRule> others = rules == null ? List.of() : rules.stream().filter(r -> !r.id().equals(rule.id())).toList();
            return Stream.concat(others.stream(), Stream.of(rule)).sorted(AutomationRule.RUN_ORDER).toList();
        });
    }

    private AutomationRule rule(StoredAutomationRule stored) {
        AutomationRuleDefinition definition;
        try {
            definition = AutomationRuleJson.read(JSON.readTree(stored.definition()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the stored automation rule '" + stored.id() + "' of workspace '" + stored.workspaceId()
                    + "' is not JSON", e);
        }
        return new AutomationRule(stored.workspaceId(), stored.id(), definition.displayName(), definition.order(), definition.triggeringLogic(),
                definition.actions(), stored.createdTimeUtc(), stored.lastModifiedTimeUtc(), stored.createdBy(), stored.lastModifiedBy(),
                stored.revision());
    }

    private static String json(AutomationRuleDefinition definition) {
        return AutomationRuleJson.definition(definition).toString();
    }

    private void checkWorkspace(String workspaceId) {
        if (!logStore.workspaces().contains(workspaceId)) {
            throw new WorkspaceNotFoundException("there is no workspace '" + workspaceId + "'");
        }
    }

    private static String key(String workspaceId, String id) {
        return workspaceId + "/" + id;
    }
}
