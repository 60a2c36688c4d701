package dev.vigil.soc.rule.incidentcreation;

import dev.vigil.soc.handoff.Batch;
import dev.vigil.soc.handoff.DurableConsumer;
import dev.vigil.soc.handoff.HandoffOutcome;
import dev.vigil.soc.handoff.RetryPolicy;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.soc.rule.AlertSeverity;
import dev.vigil.soc.rule.GroupingConfiguration;
import dev.vigil.soc.rule.IncidentConfiguration;
import dev.vigil.soc.rule.IncidentCreationRuleProperties;
import dev.vigil.soc.rule.QueryRuleProperties;
import dev.vigil.soc.rule.evaluation.SecurityAlertRows;
import dev.vigil.soc.rule.health.RuleHealth;
import dev.vigil.soc.rule.health.RuleRun;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.workspace.api.IngestionWindow;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryLiterals;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Makes incidents from {@code SecurityAlert} rows, read in ingestion order like a near-real-time
 * rule (a checkpoint per workspace, committed after the incidents are made; the incidents side is
 * idempotent, so alerts repeated after a crash change nothing):
 * <ul>
 *   <li>alerts of a product are filtered by the enabled Microsoft Security rules of that product;
 *       the first version of an alert that passes any of them makes one incident (key: its
 *       {@code SystemAlertId}), however many rules it passes; later versions update the incident's
 *       alert and never create;</li>
 *   <li>alerts of Scheduled and NRT rules whose incident configuration says so make incidents, or
 *       join the rule's incident of the same grouping key within the lookback.</li>
 * </ul>
 * A Microsoft Security rule applies to alerts ingested after it was enabled.
 */
public final class IncidentCreation {
    /** Batches read in one run at most, so that a long backlog is worked off in bounded pieces. */
    static final long MAX_BATCHES_PER_RUN = 500;
    private static final int IDS_PER_QUERY = 500;
    private static final long IDLE_COMMIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final LogStore logStore;
    private final AlertRules rules;
    private final IncidentSink incidents;
    private final RuleHealth health;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Map<String, DurableConsumer<RuleRun>> consumers = new ConcurrentHashMap<>();
    private final Map<String, Long> lastCommit = new ConcurrentHashMap<>();

    /** Failed windows are read again at once (the caller paces them); see the other constructor. */
    public IncidentCreation(LogStore logStore, AlertRules rules, IncidentSink incidents, RuleHealth health, Clock clock) {
        this(logStore, rules, incidents, health, clock, RetryPolicy.fixed(Duration.ZERO, RetryPolicy.FOREVER));
    }

    /** @param retry when a failed window is read again; it is never given up, since its alerts must make their incidents */
    public IncidentCreation(LogStore logStore, AlertRules rules, IncidentSink incidents, RuleHealth health, Clock clock, RetryPolicy retry) {
        if (retry.givesUp()) {
            throw new IllegalArgumentException("incident creation never gives alerts up: its retry policy must have no last attempt");
        }
        this.logStore = logStore;
        this.rules = rules;
        this.incidents = incidents;
        this.health = health;
        this.clock = clock;
        this.retry = retry;
    }

    public static String consumer(String workspaceId) {
        return "incident-creation/" + workspaceId;
    }

    /** Whether batches were committed that incident creation has not read (and it is not waiting out a failure). */
    public boolean hasWork(String workspaceId) {
        DurableConsumer<RuleRun> consumer = consumerOf(workspaceId);
        return logStore.ingestedThrough(workspaceId) > consumer.position() && consumer.ready();
    }

    /** The workspace's consumer: its position is the last ingestion batch read, committed with the rules' health rows. */
    private DurableConsumer<RuleRun> consumerOf(String workspaceId) {
        return consumers.computeIfAbsent(workspaceId, id -> new DurableConsumer<>(consumer(id), () -> logStore.checkpoint(consumer(id)),
                (runs, checkpoint) -> health.commit(id, runs, checkpoint), retry, clock));
    }

    /**
     * Reads the batches committed since the workspace's checkpoint and makes their incidents. Records
     * the health of each rule that read alerts; on failure, a failure of each rule concerned (the
     * exception goes on to the caller, and the batches are read again at the next call).
     */
    public void run(String workspaceId) {
        DurableConsumer<RuleRun> consumer = consumerOf(workspaceId);
        long after = consumer.position();
        long upTo = Math.min(logStore.ingestedThrough(workspaceId), after + MAX_BATCHES_PER_RUN);
        List<AlertRule> workspaceRules = rules.list(workspaceId);
        List<AlertRule> filters = workspaceRules.stream()
                .filter(r -> r.kind() == AlertRuleKind.MICROSOFT_SECURITY_INCIDENT_CREATION && r.enabled()).toList();
        // a window never spans a filter's enabling: the filter applies to the whole window or not at all
        for (AlertRule filter : filters) {
            if (filter.activeSinceBatch() > after && filter.activeSinceBatch() < upTo) {
                upTo = filter.activeSinceBatch();
            }
        }
        if (upTo <= after) {
            return;
        }
        long windowStart = after;
        List<AlertRule> applicable = filters.stream().filter(r -> r.activeSinceBatch() <= windowStart).toList();
        // alerts a rule wrote before it was disabled still make incidents
        List<AlertRule> makingIncidents = workspaceRules.stream().filter(r -> r.properties() instanceof QueryRuleProperties q
                && q.detection().incidentConfiguration().createIncident()).toList();
        if (applicable.isEmpty() && makingIncidents.isEmpty()) {
            if (!lastCommit.containsKey(workspaceId) || System.nanoTime() - lastCommit.get(workspaceId) > IDLE_COMMIT_NANOS) {
                // nothing in these batches can make an incident (e.g. the audit workspace): reading them
                // again after a restart changes nothing, so the checkpoint only needs to move now and then
                consumer.commitPosition(upTo);
                lastCommit.put(workspaceId, System.nanoTime());
            } else {
                consumer.skipTo(upTo);
            }
            return;
        }
        List<AlertRule> served = new ArrayList<>(applicable);
        makingIncidents.stream().filter(AlertRule::enabled).forEach(served::add);
        makeIncidents(consumer, new WindowRun(workspaceId, after, upTo, clock.instant(), served), applicable);
    }

    /**
     * Makes the incidents of the run's window and commits the checkpoint with the rules' health (one
     * commit, and a row for each window read); on failure, records the failure and throws it.
     */
    private void makeIncidents(DurableConsumer<RuleRun> consumer, WindowRun run, List<AlertRule> applicable) {
        HandoffOutcome<RuleRun> outcome = consumer.handOff(run.upTo(), after -> {
            // only the alerts that can make or change an incident: of the filtered products, or of rules
            List<String> wanted = new ArrayList<>();
            applicable.forEach(r -> wanted.add("ProductName == " + QueryLiterals.string(productFilter(r))));
            wanted.add("ProviderName == " + QueryLiterals.string(SecurityAlertRows.PROVIDER_NAME));
            String query = "SecurityAlert | where " + String.join(" or ", wanted) + " | sort by TimeGenerated asc";
            List<Map<String, Object>> alerts = logStore.query(run.workspaceId(),
                    QueryRequest.of(query).withIngestion(new IngestionWindow(after, run.upTo()))).primary().rowsByColumn();
            fromProducts(run.workspaceId(), after, alerts, applicable, run);
            fromRules(run.workspaceId(), alerts, run);
            return new Batch<>(run.succeeded(clock.instant()), run.upTo());
        });
        if (outcome instanceof HandoffOutcome.Committed<RuleRun>) {
            lastCommit.put(run.workspaceId(), System.nanoTime());
        } else if (outcome instanceof HandoffOutcome.Failed<RuleRun> failed) {
            health.record(run.failed(clock.instant(), failed.cause()));
            throw failed.cause();
        }
        // Waiting: a failure is being waited out, and the caller asks again once hasWork says so;
        // GivenUp cannot happen, the policy having no last attempt
    }

    private void fromProducts(String workspaceId, long after, List<Map<String, Object>> alerts, List<AlertRule> filters, WindowRun run) {
        if (filters.isEmpty()) {
            return;
        }
        Map<String, List<AlertRule>> byProduct = filters.stream().collect(Collectors.groupingBy(IncidentCreation::productFilter));
        List<Map<String, Object>> ofProducts = alerts.stream().filter(a -> byProduct.containsKey(text(a, "ProductName"))).toList();
        Set<String> seenBefore = seenBefore(workspaceId, after, ofProducts);
        for (Map<String, Object> alert : ofProducts) {
            List<AlertRule> ofProduct = byProduct.get(text(alert, "ProductName"));
            ofProduct.forEach(run::read);
            String systemAlertId = text(alert, "SystemAlertId");
            if (systemAlertId.isEmpty()) {
                continue;
            }
            run.handling(systemAlertId, ofProduct);
            String key = "alert/" + systemAlertId;
            Optional<String> existing = incidents.findByKey(workspaceId, key);
            if (existing.isPresent()) {
                incidents.addAlert(workspaceId, existing.get(), alert, List.of(), false, "Microsoft Security incident creation");
                ofProduct.forEach(run::updated);
            } else if (seenBefore.add(systemAlertId)) { // not a later version of an alert whose first version made no incident
                List<AlertRule> passing = ofProduct.stream().filter(r -> ((IncidentCreationRuleProperties) r.properties())
                        .matches(text(alert, "ProductName"), text(alert, "AlertSeverity"), displayName(alert))).toList();
                if (!passing.isEmpty()) {
                    incidents.create(workspaceId, request(key, alert, passing.stream().map(AlertRule::id).toList(), Optional.empty(),
                            passing.get(0).displayName()));
                    passing.forEach(run::created);
                }
            }
            run.handled();
        }
    }

    private static String productFilter(AlertRule rule) {
        return ((IncidentCreationRuleProperties) rule.properties()).productFilter();
    }

    /** Of these alerts' ids, those already ingested before the window (their rows here are later versions). */
    private Set<String> seenBefore(String workspaceId, long after, List<Map<String, Object>> alerts) {
        List<String> ids = alerts.stream().map(a -> text(a, "SystemAlertId")).filter(id -> !id.isEmpty()).distinct().toList();
        Set<String> seen = new HashSet<>();
        if (after == 0) {
            return seen;
        }
        // in pieces, so that a long backlog does not make one enormous query
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            String list = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)).stream().map(QueryLiterals::string)
                    .collect(Collectors.joining(", "));
            ResultTable earlier = logStore.query(workspaceId, QueryRequest.of("SecurityAlert | where SystemAlertId in (" + list + ") | distinct SystemAlertId")
                    .withIngestion(new IngestionWindow(0, after))).primary();
            earlier.rows().forEach(row -> seen.add(String.valueOf(row.get(0))));
        }
        return seen;
    }

    private void fromRules(String workspaceId, List<Map<String, Object>> alerts, WindowRun run) {
        for (Map<String, Object> alert : alerts) {
            if (!SecurityAlertRows.PROVIDER_NAME.equals(text(alert, "ProviderName"))) {
                continue;
            }
            Optional<AlertRule> rule = ruleOf(workspaceId, alert);
            if (rule.isEmpty() || !(rule.get().properties() instanceof QueryRuleProperties properties)) {
                continue;
            }
            IncidentConfiguration configuration = properties.detection().incidentConfiguration();
            if (!configuration.createIncident()) {
                continue;
            }
            run.handling(text(alert, "SystemAlertId"), List.of(rule.get()));
            fromRule(workspaceId, alert, rule.get(), properties);
            run.handled();
        }
    }

    private void fromRule(String workspaceId, Map<String, Object> alert, AlertRule rule, QueryRuleProperties properties) {
        String key = "alert/" + text(alert, "SystemAlertId");
        if (incidents.findByKey(workspaceId, key).isPresent()) {
            return;
        }
        GroupingConfiguration grouping = properties.detection().incidentConfiguration().groupingConfiguration();
        List<String> ruleIds = List.of(rule.id());
        if (!grouping.enabled()) {
            incidents.create(workspaceId, request(key, alert, ruleIds, Optional.empty(), properties.displayName()));
            return;
        }
        IncidentRequest.GroupingKey groupingKey = new IncidentRequest.GroupingKey(rule.id(), GroupingKeys.of(grouping, alert));
        Optional<String> target = incidents.findGroupingTarget(workspaceId, groupingKey, grouping.lookbackDuration(), grouping.reopenClosedIncident());
        if (target.isPresent()) {
            incidents.addAlert(workspaceId, target.get(), alert, ruleIds, grouping.reopenClosedIncident(), properties.displayName());
        } else {
            incidents.create(workspaceId, request(key, alert, ruleIds, Optional.of(groupingKey), properties.displayName()));
        }
    }

    /** The rule that raised a scheduled or NRT alert, from {@code AlertType} ({@code <workspace>_<ruleId>}). */
    private Optional<AlertRule> ruleOf(String workspaceId, Map<String, Object> alert) {
        String type = text(alert, "AlertType");
        String prefix = workspaceId + "_";
        return type.startsWith(prefix) ? rules.find(workspaceId, type.substring(prefix.length())) : Optional.empty();
    }

    private static IncidentRequest request(String key, Map<String, Object> alert, List<String> ruleIds, Optional<IncidentRequest.GroupingKey> grouping,
            String createdBy) {
        String title = displayName(alert).isEmpty() ? "Alert " + text(alert, "SystemAlertId") : displayName(alert);
        AlertSeverity severity = AlertSeverity.parse(text(alert, "AlertSeverity")).orElse(AlertSeverity.Informational);
        return new IncidentRequest(key, title, text(alert, "Description"), severity, alert, ruleIds, grouping, createdBy);
    }

    private static String displayName(Map<String, Object> alert) {
        String name = text(alert, "DisplayName");
        return name.isEmpty() ? text(alert, "AlertName") : name;
    }

    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? "" : value.toString();
    }
}
