package dev.vigil.soc.rule.incidentcreation;

import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.soc.rule.health.IncidentCounts;
import dev.vigil.soc.rule.health.RuleOperation;
import dev.vigil.soc.rule.health.RuleRun;
import dev.vigil.soc.rule.health.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * One run of incident creation over a window of ingestion batches, as the rules' health sees it:
 * what it did for each Microsoft Security rule (the run is theirs), and which rules the alert in
 * hand concerns, so that a failure names them, Scheduled and NRT rules included.
 */
final class WindowRun {
    private final String workspaceId;
    private final long after;
    private final long upTo;
    private final Instant started;
    private final List<AlertRule> served;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private List<AlertRule> inHand = List.of();
    private String alertInHand = "";

    private static final class Tally {
        private final AlertRule rule;
        private long read;
        private int created;
        private int updated;

        private Tally(AlertRule rule) {
            this.rule = rule;
        }
    }

    /**
     * @param served the rules the run makes incidents for: a failure outside the handling of an alert names them all
     */
    WindowRun(String workspaceId, long after, long upTo, Instant started, List<AlertRule> served) {
        this.workspaceId = workspaceId;
        this.after = after;
        this.upTo = upTo;
        this.started = started;
        this.served = List.copyOf(served);
    }

    String workspaceId() {
        return workspaceId;
    }

    long after() {
        return after;
    }

    long upTo() {
        return upTo;
    }

    /** The alert about to be handled and the rules it concerns, until {@link #handled()}. */
    void handling(String systemAlertId, List<AlertRule> rules) {
        alertInHand = systemAlertId;
        inHand = List.copyOf(rules);
    }

    void handled() {
        alertInHand = "";
        inHand = List.of();
    }

    void read(AlertRule rule) {
        tally(rule).read++;
    }

    void created(AlertRule rule) {
        tally(rule).created++;
    }

    void updated(AlertRule rule) {
        tally(rule).updated++;
    }

    private Tally tally(AlertRule rule) {
        return tallies.computeIfAbsent(rule.id(), id -> new Tally(rule));
    }

    /** A successful run's records: one per Microsoft Security rule that read alerts of its product, none for the others. */
    List<RuleRun> succeeded(Instant ended) {
        List<RuleRun> runs = new ArrayList<>();
        for (Tally tally : tallies.values()) {
            if (tally.read > 0) {
                runs.add(record(tally.rule, ended, RunStatus.Success, Optional.empty(), tally.read,
                        Optional.of(new IncidentCounts(tally.created, tally.updated))));
            }
        }
        return runs;
    }

    /** A failed run's records: one per rule the alert in hand concerns, or per rule served when no alert was in hand. */
    List<RuleRun> failed(Instant ended, RuntimeException failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String message = "Making incidents from ingestion batches " + after + " to " + upTo + " failed"
                + (alertInHand.isEmpty() ? "" : " at alert " + alertInHand) + ": " + cause.getMessage()
                + ". Nothing of these batches is committed; they are read again until it succeeds.";
        List<AlertRule> named = inHand.isEmpty() ? served : inHand;
        return named.stream().map(rule -> record(rule, ended, RunStatus.Failure, Optional.of(message), 0, Optional.empty())).toList();
    }

    private RuleRun record(AlertRule rule, Instant ended, RunStatus status, Optional<String> message, long read,
            Optional<IncidentCounts> incidents) {
        RuleOperation operation = rule.kind() == AlertRuleKind.MICROSOFT_SECURITY_INCIDENT_CREATION
                ? RuleOperation.MICROSOFT_SECURITY_RUN : RuleOperation.INCIDENT_CREATION;
        return new RuleRun(workspaceId, rule.id(), rule.displayName(), rule.kind(), operation, "batches " + after + "-" + upTo, started,
                Duration.between(started, ended), status, message, read, 0, null, null, incidents);
    }
}
