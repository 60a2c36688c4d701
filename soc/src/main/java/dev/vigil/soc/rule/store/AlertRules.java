package dev.vigil.soc.rule.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.AlertRuleEtagMismatchException;
import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.soc.rule.AlertRuleNotFoundException;
import dev.vigil.soc.rule.AlertRuleProperties;
import dev.vigil.soc.rule.InvalidAlertRuleException;
import dev.vigil.soc.rule.QueryRuleProperties;
import dev.vigil.soc.rule.ScheduledRuleProperties;
import dev.vigil.soc.rule.json.AlertRuleJson;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.StateStore;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The analytics rules of every workspace: saved in the state store (so they survive restarts) and
 * held in memory for the runners, which read them at every poll. A Scheduled or NRT rule's query is
 * compiled against its workspace on every save; one that does not compile is not saved.
 */
public final class AlertRules {
    static final String COLLECTION = "alertRules";
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private final LogStore logStore;
    private final DocumentCollection<StoredAlertRule> documents;
    private final Clock clock;
    private final Map<String, AlertRule> byKey = new ConcurrentHashMap<>();
    private final List<AlertRuleChangeListener> listeners = new CopyOnWriteArrayList<>();

    private AlertRules(LogStore logStore, DocumentCollection<StoredAlertRule> documents, Clock clock) {
        this.logStore = logStore;
        this.documents = documents;
        this.clock = clock;
    }

    /** Loads every saved rule. */
    public static AlertRules open(LogStore logStore, StateStore state, Clock clock) {
        AlertRules rules = new AlertRules(logStore, state.collection(COLLECTION, StoredAlertRule.class), clock);
        for (StoredAlertRule stored : rules.documents.list()) {
            rules.byKey.put(key(stored.workspaceId(), stored.ruleId()), toRule(stored));
        }
        return rules;
    }

    public void addListener(AlertRuleChangeListener listener) {
        listeners.add(listener);
    }

    /** The workspace's rules, ordered by id. */
    public List<AlertRule> list(String workspaceId) {
        requireWorkspace(workspaceId);
        return byKey.values().stream().filter(r -> r.workspaceId().equals(workspaceId)).sorted(Comparator.comparing(AlertRule::id)).toList();
    }

    /** Every enabled rule of this kind in every workspace. */
    public List<AlertRule> enabled(AlertRuleKind kind) {
        return byKey.values().stream().filter(r -> r.kind() == kind && r.enabled())
                .sorted(Comparator.comparing(AlertRule::workspaceId).thenComparing(AlertRule::id)).toList();
    }

    public Optional<AlertRule> find(String workspaceId, String ruleId) {
        return Optional.ofNullable(byKey.get(key(workspaceId, ruleId)));
    }

    public AlertRule get(String workspaceId, String ruleId) {
        requireWorkspace(workspaceId);
        return find(workspaceId, ruleId).orElseThrow(() -> new AlertRuleNotFoundException(workspaceId, ruleId));
    }

    /**
     * Creates or replaces the rule after checking it against the workspace.
     *
     * @param ifMatch when present, the etag the rule must have now; a rule that does not exist has none
     */
    public SavedAlertRule save(String workspaceId, String ruleId, AlertRuleProperties properties, Optional<String> ifMatch) {
        requireWorkspace(workspaceId);
        if (ruleId == null || !RULE_ID.matcher(ruleId).matches()) {
            throw new InvalidAlertRuleException("ruleId", "'" + ruleId + "' is not a valid rule id: use up to 128 letters, digits, '.', '-' or '_',"
                    + " starting with a letter or digit (a GUID is usual)");
        }
        check(workspaceId, properties);
        AlertRule saved;
        Optional<AlertRule> before;
        synchronized (this) {
            before = find(workspaceId, ruleId);
            if (ifMatch.isPresent() && !ifMatch.get().equals("*") && !before.map(AlertRule::etag).equals(ifMatch)) {
                throw new AlertRuleEtagMismatchException(ruleId, ifMatch.get(), before.map(AlertRule::etag).orElse("(none: the rule does not exist)"));
            }
            if (before.isPresent() && before.get().kind() != properties.kind()) {
                throw new InvalidAlertRuleException("kind", "rule '" + ruleId + "' is " + before.get().kind().armName()
                        + "; a rule's kind cannot change (delete it and create a new one)");
            }
            Instant now = clock.instant();
            Optional<AlertRule> continued = before.filter(b -> !restartsSchedule(b.properties(), properties));
            Instant activeSince = continued.map(AlertRule::activeSinceUtc).orElse(now);
            long activeSinceBatch = continued.isPresent() ? continued.get().activeSinceBatch() : logStore.ingestedThrough(workspaceId);
            saved = new AlertRule(workspaceId, ruleId, UUID.randomUUID().toString(), now, activeSince, activeSinceBatch, properties);
            documents.put(key(workspaceId, ruleId), toStored(saved));
            byKey.put(key(workspaceId, ruleId), saved);
        }
        AlertRule after = saved;
        listeners.forEach(l -> l.changed(workspaceId, ruleId, before, Optional.of(after)));
        return new SavedAlertRule(saved, before.isEmpty());
    }

    /** Deletes the rule; with {@code ifMatch}, only if it still has that etag. */
    public void delete(String workspaceId, String ruleId, Optional<String> ifMatch) {
        AlertRule before;
        synchronized (this) {
            before = get(workspaceId, ruleId);
            if (ifMatch.isPresent() && !ifMatch.get().equals("*") && !before.etag().equals(ifMatch.get())) {
                throw new AlertRuleEtagMismatchException(ruleId, ifMatch.get(), before.etag());
            }
            documents.delete(key(workspaceId, ruleId));
            byKey.remove(key(workspaceId, ruleId));
        }
        listeners.forEach(l -> l.changed(workspaceId, ruleId, Optional.of(before), Optional.empty()));
    }

    /** Checks a rule as a save would, without saving it (a dry run of an unsaved rule does this first). */
    public void check(String workspaceId, AlertRuleProperties properties) {
        requireWorkspace(workspaceId);
        if (properties instanceof QueryRuleProperties query) {
            RuleQueryCheck.check(logStore, workspaceId, query.detection());
        }
    }

    /** A rule that is enabled again, or whose frequency changed, starts its schedule anew at the save. */
    private static boolean restartsSchedule(AlertRuleProperties before, AlertRuleProperties after) {
        if (!before.enabled() && after.enabled()) {
            return true;
        }
        return before instanceof ScheduledRuleProperties b && after instanceof ScheduledRuleProperties a
                && !b.schedule().queryFrequency().equals(a.schedule().queryFrequency());
    }

    private void requireWorkspace(String workspaceId) {
        if (!logStore.workspaces().contains(workspaceId)) {
            throw new WorkspaceNotFoundException("there is no workspace '" + workspaceId + "'");
        }
    }

    private static String key(String workspaceId, String ruleId) {
        return workspaceId + "/" + ruleId;
    }

    private static StoredAlertRule toStored(AlertRule rule) {
        JsonNode body = AlertRuleJson.writeBody(rule.properties());
        return new StoredAlertRule(rule.workspaceId(), rule.id(), rule.etag(), rule.lastModifiedUtc(), rule.activeSinceUtc(), rule.activeSinceBatch(), body);
    }

    private static AlertRule toRule(StoredAlertRule stored) {
        return new AlertRule(stored.workspaceId(), stored.ruleId(), stored.etag(), stored.lastModifiedUtc(), stored.activeSinceUtc(),
                stored.activeSinceBatch(), AlertRuleJson.read(stored.body()));
    }
}
