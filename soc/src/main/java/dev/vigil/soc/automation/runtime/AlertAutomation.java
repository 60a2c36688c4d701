package dev.vigil.soc.automation.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.automation.AutomationAction;
import dev.vigil.soc.automation.AutomationRule;
import dev.vigil.soc.automation.TriggeringAlert;
import dev.vigil.soc.automation.TriggeringChange;
import dev.vigil.soc.automation.TriggersOn;
import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.soc.handoff.Batch;
import dev.vigil.soc.handoff.ConsumerHealth;
import dev.vigil.soc.handoff.DurableConsumer;
import dev.vigil.soc.handoff.HandoffOutcome;
import dev.vigil.soc.handoff.RetryPolicy;
import dev.vigil.soc.incident.IncidentAlert;
import dev.vigil.soc.incident.IncidentException;
import dev.vigil.soc.playbook.PlaybookException;
import dev.vigil.soc.playbook.run.PlaybookLauncher;
import dev.vigil.workspace.api.IngestionWindow;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryLiterals;
import dev.vigil.workspace.api.QueryRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the automation rules triggered by alerts ({@code triggersOn: Alerts}) on every new alert,
 * exactly once. Automation reads each workspace's {@code SecurityAlert} rows in ingestion order,
 * as a near-real-time rule does, as a {@link DurableConsumer}: its position, the last ingestion
 * batch read, is the checkpoint {@code automation-alerts/<workspace>}, committed with the
 * {@code SentinelHealth} rows of the rules that ran. An alert is new in the row of its first
 * version; later versions (a status change) trigger nothing. The rules' only action is
 * {@code RunPlaybook}, with a run id made of the rule and the alert, so acting again on an alert
 * after a crash starts no second run. A commit of {@code SecurityAlert} rows wakes the one thread.
 */
public final class AlertAutomation implements AutoCloseable {
    static final String TABLE = "SecurityAlert";
    static final long MAX_BATCHES_PER_ROUND = 500;
    private static final int IDS_PER_QUERY = 500;
    private static final RetryPolicy RETRY = RetryPolicy.doubling(Duration.ofMillis(100), Duration.ofSeconds(5));
    /** With no rule triggered by alerts, the position is committed at most this often; read again after a restart, it starts nothing. */
    private static final Duration IDLE_COMMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(AlertAutomation.class);

    private final LogStore logStore;
    private final AutomationRules rules;
    private final PlaybookLauncher playbooks;
    private final Clock clock;
    private final Map<String, DurableConsumer<Map<String, Object>>> consumers = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastIdleCommit = new ConcurrentHashMap<>();
    private final WorkspaceFollower follower;

    /** Not following yet: tests call {@link #follow} by hand. */
    AlertAutomation(LogStore logStore, AutomationRules rules, PlaybookLauncher playbooks, Clock clock) {
        this.logStore = logStore;
        this.rules = rules;
        this.playbooks = playbooks;
        this.clock = clock;
        this.follower = new WorkspaceFollower("vigil-automation-alerts", this::follow, (workspaceId, e) -> {
            LOG.error("automation of the alerts of workspace '{}' failed outside its hand-off; looking again in {}", workspaceId,
                    RETRY.longestPause(), e);
            return RETRY.longestPause();
        });
    }

    /** Starts following every workspace's new alerts, from each one's checkpoint. */
    public static AlertAutomation start(LogStore logStore, AutomationRules rules, PlaybookLauncher playbooks, Clock clock) {
        AlertAutomation automation = new AlertAutomation(logStore, rules, playbooks, clock);
        logStore.addCommitListener((workspaceId, tables) -> {
            if (tables.contains(TABLE)) {
                automation.follower.wake(workspaceId);
            }
        });
        automation.follower.start(logStore.workspaces());
        return automation;
    }

    public static String consumer(String workspaceId) {
        return "automation-alerts/" + workspaceId;
    }

    /** The last ingestion batch of the workspace whose alerts automation has acted on, durably. */
    public long position(String workspaceId) {
        return consumerOf(workspaceId).position();
    }

    public ConsumerHealth health(String workspaceId) {
        return consumerOf(workspaceId).health();
    }

    /** Paced by the system clock: a retry waits out a fault of the machine, whatever automation's clock tells. */
    private DurableConsumer<Map<String, Object>> consumerOf(String workspaceId) {
        return consumers.computeIfAbsent(workspaceId, id -> DurableConsumer.writingTable(logStore, id, "SentinelHealth", consumer(id), RETRY,
                Clock.systemUTC()));
    }

    /** Acts on the alerts of the batches committed after the position; how long to wait before looking again. */
    Duration follow(String workspaceId) {
        DurableConsumer<Map<String, Object>> consumer = consumerOf(workspaceId);
        while (follower.running()) {
            long after = consumer.position();
            long upTo = Math.min(logStore.ingestedThrough(workspaceId), after + MAX_BATCHES_PER_ROUND);
            if (upTo <= after) {
                return WorkspaceFollower.IDLE_RECHECK;
            }
            boolean anyRule = rules.inRunOrder(workspaceId).stream().anyMatch(rule -> rule.triggeringLogic().triggersOn() == TriggersOn.Alerts);
            if (!anyRule) {
                Instant last = lastIdleCommit.get(workspaceId);
                if (last == null || !clock.instant().isBefore(last.plus(IDLE_COMMIT))) {
                    consumer.commitPosition(upTo);
                    lastIdleCommit.put(workspaceId, clock.instant());
                } else {
                    consumer.skipTo(upTo);
                }
                continue;
            }
            HandoffOutcome<Map<String, Object>> outcome = consumer.handOff(upTo, from -> new Batch<>(actOnWindow(workspaceId, from, upTo), upTo));
            if (outcome instanceof HandoffOutcome.Failed<Map<String, Object>> failed) {
                LOG.warn("automation of the alerts of workspace '{}' in batches {}..{} failed (attempt {}); retrying in {}", workspaceId, after + 1,
                        upTo, failed.attempt(), failed.retryIn(), failed.cause());
                return failed.retryIn();
            } else if (outcome instanceof HandoffOutcome.Waiting<Map<String, Object>> later) {
                Duration left = Duration.between(Instant.now(), later.retryAt());
                return left.isNegative() ? Duration.ZERO : left;
            }
        }
        return WorkspaceFollower.IDLE_RECHECK;
    }

    /** The health rows of the rules that acted on the new alerts of batches {@code (after, upTo]}. */
    private List<Map<String, Object>> actOnWindow(String workspaceId, long after, long upTo) {
        List<Map<String, Object>> alerts = logStore.query(workspaceId, QueryRequest.of(TABLE + " | sort by TimeGenerated asc")
                .withIngestion(new IngestionWindow(after, upTo))).primary().rowsByColumn();
        Set<String> seen = seenBefore(workspaceId, after, alerts);
        List<Map<String, Object>> health = new ArrayList<>();
        for (Map<String, Object> row : alerts) {
            String id = text(row, "SystemAlertId");
            // only an alert's first version is a new alert
            if (!id.isEmpty() && seen.add(id)) {
                actOn(workspaceId, row).forEach(run -> health.add(run.healthRow()));
            }
        }
        return health;
    }

    private List<AlertAutomationRun> actOn(String workspaceId, Map<String, Object> row) {
        TriggeringAlert alert;
        try {
            alert = new TriggeringAlert(workspaceId, IncidentAlert.fromSecurityAlert(row), text(row, "Description"), analyticRuleIds(row));
        } catch (IncidentException e) {
            LOG.warn("alert '{}' of workspace '{}' cannot be read for automation: {}", text(row, "SystemAlertId"), workspaceId, e.getMessage());
            return List.of();
        }
        TriggeringChange change = TriggeringChange.of(alert);
        Instant now = clock.instant();
        List<AlertAutomationRun> ran = new ArrayList<>();
        for (AutomationRule rule : rules.inRunOrder(workspaceId)) {
            if (!rule.actsOn(change, now)) {
                continue;
            }
            Optional<String> failure = Optional.empty();
            for (AutomationAction action : rule.actions()) {
                if (action instanceof AutomationAction.RunPlaybook run) {
                    String systemAlertId = alert.alert().systemAlertId();
                    try {
                        // the run's id is made of its origin: acting on the alert again after a crash starts no second run
                        playbooks.startOnAlert(workspaceId, run.playbook(), systemAlertId,
                                "automationRule/" + rule.id() + "/alert/" + systemAlertId + "/" + run.order());
                    } catch (PlaybookException e) {
                        failure = Optional.of(e.getMessage());
                        LOG.info("automation rule '{}' of workspace '{}' could not run playbook '{}' on alert '{}': {}", rule.id(), workspaceId,
                                run.playbook(), systemAlertId, e.getMessage());
                    }
                }
            }
            ran.add(new AlertAutomationRun(rule, alert.alert().systemAlertId(), alert.alert().displayName(), now, failure));
        }
        return ran;
    }

    /** The ids of the analytics rules that made the alert, from {@code ExtendedProperties}' {@code Analytic Rule Ids}, if any. */
    private static List<String> analyticRuleIds(Map<String, Object> row) {
        Object extended = row.get("ExtendedProperties");
        try {
            Map<String, Object> properties = extended instanceof Map<?, ?> map ? JSON.convertValue(map, new TypeReference<Map<String, Object>>() { })
                    : extended == null || extended.toString().isBlank() ? Map.of()
                    : JSON.readValue(extended.toString(), new TypeReference<Map<String, Object>>() { });
            Object ids = properties.get("Analytic Rule Ids");
            if (ids instanceof List<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
            return ids == null ? List.of() : JSON.readValue(ids.toString(), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // not as Sentinel writes it: no rule ids to test
            return List.of();
        }
    }

    /** Of these alerts' ids, those ingested before the window (the rows here are later versions). */
    private Set<String> seenBefore(String workspaceId, long after, List<Map<String, Object>> alerts) {
        Set<String> seen = new HashSet<>();
        if (after == 0) {
            return seen;
        }
        List<String> ids = alerts.stream().map(a -> text(a, "SystemAlertId")).filter(id -> !id.isEmpty()).distinct().toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            String list = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)).stream().map(QueryLiterals::string)
                    .collect(Collectors.joining(", "));
            logStore.query(workspaceId, QueryRequest.of(TABLE + " | where SystemAlertId in (" + list + ") | distinct SystemAlertId")
                    .withIngestion(new IngestionWindow(0, after))).primary().rows().forEach(row -> seen.add(String.valueOf(row.get(0))));
        }
        return seen;
    }

    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? "" : value.toString();
    }

    /** Stops after the hand-off under way; what is left is acted on after the next start. */
    @Override
    public void close() {
        follower.close();
    }
}
