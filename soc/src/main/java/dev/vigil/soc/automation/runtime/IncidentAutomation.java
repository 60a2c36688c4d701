package dev.vigil.soc.automation.runtime;

import dev.vigil.soc.automation.AutomationAction;
import dev.vigil.soc.automation.AutomationRule;
import dev.vigil.soc.automation.TriggeringChange;
import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.soc.handoff.ConsumerHealth;
import dev.vigil.soc.incident.AutomatedChange;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentEvent;
import dev.vigil.soc.incident.IncidentException;
import dev.vigil.soc.incident.IncidentLabel;
import dev.vigil.soc.incident.IncidentUpdate;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.playbook.PlaybookException;
import dev.vigil.soc.playbook.run.PlaybookLauncher;
import dev.vigil.soc.playbook.run.PlaybookRun;
import dev.vigil.soc.incident.NewIncidentTask;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the automation rules on every incident change, exactly once.
 *
 * <p>Automation follows each workspace's changes in memory as soon as the incident service has
 * committed them to the state store ({@link Incidents#changesAfter}), without waiting for their
 * {@code SecurityIncident} rows: the incidents keep every change until automation has passed it
 * durably, so reading them first costs nothing and loses nothing. Its durable position, the last
 * change whose rule runs are logged, is the checkpoint {@code automation/<workspace>}, committed
 * with the {@code SentinelHealth} rows of those runs by {@link AutomationHealthLog} behind the
 * acting; after a crash automation acts again on the changes after it. Acting again is
 * idempotent: a rule's actions on one change are one incident change that names the rule and the
 * triggering change as its origin, and is found and not made twice; the playbook runs a round of
 * changes starts are recorded in one state transaction together with {@link RunsRecorded}, so a
 * change acted on again knows whether its runs exist without reading one.
 *
 * <p>Changes made by automation are not acted on again (a rule cannot trigger rules, itself
 * included). One thread acts for all workspaces; an incident change wakes it.
 */
public final class IncidentAutomation implements AutoCloseable {
    /** The name automation follows the incidents' changes under, and the prefix of its checkpoints. */
    public static final String FOLLOWER = "automation";
    static final int CHANGES_PER_ROUND = 200;
    private static final String RUNS_RECORDED = "automationRunsRecorded";
    /** Acting failing (storage refusing the runs' record): the same changes are acted on again after this pause. */
    private static final Duration ACT_RETRY = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(IncidentAutomation.class);

    private final Incidents incidents;
    private final AutomationRules rules;
    private final Clock clock;
    private final Optional<PlaybookLauncher> playbooks;
    private final DocumentCollection<RunsRecorded> runsRecorded;
    private final AutomationHealthLog log;
    /** Per workspace, the last change acted on in this process; starts at the durable position. */
    private final Map<String, Long> actedThrough = new ConcurrentHashMap<>();
    /** Per workspace, the changes whose playbook runs were recorded, as read once from the state store. */
    private final Map<String, Long> runsRecordedThrough = new ConcurrentHashMap<>();
    private final AtomicLong runs = new AtomicLong();
    private final WorkspaceFollower follower;

    /** Not following yet: {@link #start} starts the thread; tests act on changes by hand, as a run cut short by a crash would. */
    IncidentAutomation(Incidents incidents, AutomationRules rules, LogStore logStore, StateStore state, Clock clock) {
        this(incidents, rules, logStore, state, clock, Optional.empty(), false);
    }

    /** @param holdLog logs nothing: tests stop between acting and logging, as a crash would */
    IncidentAutomation(Incidents incidents, AutomationRules rules, LogStore logStore, StateStore state, Clock clock,
            Optional<PlaybookLauncher> playbooks, boolean holdLog) {
        this.playbooks = playbooks;
        this.incidents = incidents;
        this.rules = rules;
        this.clock = clock;
        this.runsRecorded = state.collection(RUNS_RECORDED, RunsRecorded.class);
        this.log = new AutomationHealthLog(incidents, logStore, holdLog);
        this.follower = new WorkspaceFollower("vigil-automation", this::actOnNewChanges, (workspaceId, e) -> {
            LOG.error("automation of workspace '{}' failed; acting on the same changes again in {}", workspaceId, ACT_RETRY, e);
            return ACT_RETRY;
        });
    }

    /**
     * Starts following the changes of every workspace, from each one's checkpoint.
     *
     * @param incidents opened with {@link #FOLLOWER} among its followers, so that it keeps the changes automation has not passed
     */
    public static IncidentAutomation start(Incidents incidents, AutomationRules rules, LogStore logStore, StateStore state, Clock clock) {
        return start(incidents, rules, logStore, state, clock, Optional.empty());
    }

    /** As {@link #start(Incidents, AutomationRules, LogStore, StateStore, Clock)}, with the playbooks that {@code RunPlaybook} actions start. */
    public static IncidentAutomation start(Incidents incidents, AutomationRules rules, LogStore logStore, StateStore state, Clock clock,
            Optional<PlaybookLauncher> playbooks) {
        if (!incidents.keepsChangesFor(FOLLOWER)) {
            throw new IllegalArgumentException("the incidents must be opened with '" + FOLLOWER + "' among their followers, or a crash could lose changes");
        }
        IncidentAutomation automation = new IncidentAutomation(incidents, rules, logStore, state, clock, playbooks, false);
        incidents.addCommitListener(automation.follower::wake);
        automation.follower.start(logStore.workspaces());
        return automation;
    }

    /** Rule runs (a rule acting on a change) since the start. */
    public long runs() {
        return runs.get();
    }

    /** The last change of the workspace whose automation is durable (its rule runs logged with the position). */
    public long position(String workspaceId) {
        return log.position(workspaceId);
    }

    /** How automation's hand-off of the workspace is doing. */
    public ConsumerHealth health(String workspaceId) {
        return log.health(workspaceId);
    }

    /**
     * Acts on the workspace's committed changes after the last one acted on, round by round,
     * and queues their runs to be logged; how long to wait before looking again.
     */
    Duration actOnNewChanges(String workspaceId) {
        while (follower.running()) {
            long after = actedThrough.computeIfAbsent(workspaceId, log::position);
            List<IncidentEvent> changes = incidents.changesAfter(workspaceId, after, CHANGES_PER_ROUND);
            if (changes.isEmpty()) {
                return WorkspaceFollower.IDLE_RECHECK;
            }
            long last = changes.get(changes.size() - 1).sequence();
            long recorded = runsRecordedThrough.computeIfAbsent(workspaceId, id -> runsRecorded.get(id).map(RunsRecorded::through).orElse(0L));
            List<AutomationRun> done = new ArrayList<>();
            List<PlaybookRun> starting = new ArrayList<>();
            changes.forEach(change -> done.addAll(actOn(change, starting, change.sequence() > recorded)));
            if (!starting.isEmpty()) {
                // the runs and how far they are recorded commit together: acting again after a crash starts none twice
                playbooks.orElseThrow().start(starting, () -> runsRecorded.put(workspaceId, new RunsRecorded(workspaceId, last)));
                runsRecordedThrough.put(workspaceId, last);
            }
            actedThrough.put(workspaceId, last);
            runs.addAndGet(done.size());
            log.append(workspaceId, done, last);
        }
        return WorkspaceFollower.IDLE_RECHECK;
    }

    /** Acts on every change there is, then commits the runs and the position on the calling thread: for tests, as the threads would. */
    void follow(String workspaceId) {
        actOnNewChanges(workspaceId);
        log.writeNow(workspaceId);
    }

    /** Runs the workspace's rules on one change, starting no playbook: what a test makes of a change acted on before a crash. */
    List<AutomationRun> actOn(IncidentEvent event) {
        return actOn(event, new ArrayList<>(), false);
    }

    /**
     * Runs the workspace's rules on one change, in order, each seeing what the ones before changed.
     *
     * @param starting where the playbook runs the rules start are added, to be recorded and started
     * @param startsRuns false when the change's runs were recorded before (it is acted on again after a crash)
     */
    private List<AutomationRun> actOn(IncidentEvent event, List<PlaybookRun> starting, boolean startsRuns) {
        if (event.origin().isPresent()) {
            return List.of();
        }
        Instant now = clock.instant();
        TriggeringChange change = TriggeringChange.of(event);
        List<AutomationRun> ran = new ArrayList<>();
        for (AutomationRule rule : rules.inRunOrder(event.workspaceId())) {
            if (!rule.actsOn(change, now)) {
                continue;
            }
            Incident seen = change.incident();
            Optional<String> failure = Optional.empty();
            try {
                change = change.seeing(apply(rule, event, seen, starting, startsRuns));
            } catch (IncidentException | PlaybookException e) {
                failure = Optional.of(e.getMessage());
                LOG.info("automation rule '{}' of workspace '{}' could not act on incident {}: {}", rule.id(), event.workspaceId(), seen.number(),
                        e.getMessage());
            }
            ran.add(new AutomationRun(rule, seen.number(), seen.name(), event.sequence(), now, failure));
        }
        return ran;
    }

    /** The rule's actions on the incident, as one change; the incident after it. */
    private Incident apply(AutomationRule rule, IncidentEvent event, Incident seen, List<PlaybookRun> starting, boolean startsRuns) {
        IncidentUpdate update = IncidentUpdate.none();
        List<IncidentLabel> labels = new ArrayList<>();
        List<NewIncidentTask> tasks = new ArrayList<>();
        List<AutomationAction.RunPlaybook> playbookRuns = new ArrayList<>();
        for (AutomationAction action : rule.actions()) {
            if (action instanceof AutomationAction.ModifyProperties modify) {
                update = modified(update, modify);
                // labels are added to the incident's, as in Sentinel; none is removed
                labels.addAll(modify.labels());
            } else if (action instanceof AutomationAction.AddIncidentTask task) {
                tasks.add(task.task());
            } else if (action instanceof AutomationAction.RunPlaybook run) {
                playbookRuns.add(run);
            }
        }
        String origin = "automationRule/" + rule.id() + "/" + event.sequence();
        Incident changed = incidents.automate(event.workspaceId(), seen.name(), origin, rule.signature(), new AutomatedChange(update, labels, tasks));
        for (AutomationAction.RunPlaybook run : playbookRuns) {
            // checked also when the run exists already, so that a rule acted on again reports the same failure
            PlaybookRun prepared = playbooks.orElseThrow(() -> new IllegalStateException("automation rule '" + rule.id()
                    + "' runs a playbook, and no playbooks were given")).prepareOnIncident(event.workspaceId(), run.playbook(), changed,
                    origin + "/" + run.order());
            if (startsRuns) {
                starting.add(prepared);
            }
        }
        return changed;
    }

    /** A later action of the rule overrides what an earlier one set. */
    private static IncidentUpdate modified(IncidentUpdate update, AutomationAction.ModifyProperties modify) {
        IncidentUpdate next = update;
        if (modify.status().isPresent()) {
            next = next.withStatus(modify.status().get());
            next = modify.closure().map(next::withClosure).orElse(next);
        }
        next = modify.severity().map(next::withSeverity).orElse(next);
        return modify.owner().map(next::withOwner).orElse(next);
    }

    /** Stops after the round under way and logs what was acted on; what is left is acted on after the next start. */
    @Override
    public void close() {
        follower.close();
        log.close();
    }
}
