package dev.vigil.soc.automation.runtime;

import dev.vigil.soc.automation.AutomationAction;
import dev.vigil.soc.automation.AutomationRule;
import dev.vigil.soc.automation.TriggeringChange;
import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.soc.handoff.Batch;
import dev.vigil.soc.handoff.ConsumerHealth;
import dev.vigil.soc.handoff.DurableConsumer;
import dev.vigil.soc.handoff.HandoffOutcome;
import dev.vigil.soc.handoff.RetryPolicy;
import dev.vigil.soc.incident.AutomatedChange;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentEvent;
import dev.vigil.soc.incident.IncidentException;
import dev.vigil.soc.incident.IncidentLabel;
import dev.vigil.soc.incident.IncidentUpdate;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.playbook.PlaybookException;
import dev.vigil.soc.playbook.run.PlaybookLauncher;
import dev.vigil.soc.incident.NewIncidentTask;
import dev.vigil.workspace.api.LogStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the automation rules on every incident change, exactly once.
 *
 * <p>Automation follows each workspace's incident changes ({@link Incidents#loggedChangesAfter})
 * as a {@link DurableConsumer}: its position, the last change acted on, is the checkpoint
 * {@code automation/<workspace>}, committed with the {@code SentinelHealth} rows of the rules that
 * ran. The incidents keep every change until automation has passed it, so after a crash it reads on
 * from its checkpoint. A rule's actions on one change are one incident change that names the rule
 * and the triggering change as its origin; acting again on a change whose actions were made before
 * a crash finds that origin and changes nothing, so no action is taken twice.
 *
 * <p>Changes made by automation are not acted on again (a rule cannot trigger rules, itself
 * included). One thread works for all workspaces; an incident change wakes it.
 */
public final class IncidentAutomation implements AutoCloseable {
    /** The name automation follows the incidents' changes under, and the prefix of its checkpoints. */
    public static final String FOLLOWER = "automation";
    static final int CHANGES_PER_COMMIT = 200;
    /** Storage failing: the same changes are tried again after 100 ms, doubling up to 5 s, never given up. */
    private static final RetryPolicy RETRY = RetryPolicy.doubling(Duration.ofMillis(100), Duration.ofSeconds(5));
    private static final Duration IDLE_RECHECK = Duration.ofSeconds(30);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(IncidentAutomation.class);

    private final Incidents incidents;
    private final AutomationRules rules;
    private final LogStore logStore;
    private final Clock clock;
    private final Optional<PlaybookLauncher> playbooks;
    private final Map<String, DurableConsumer<Map<String, Object>>> consumers = new ConcurrentHashMap<>();
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicLong runs = new AtomicLong();
    private final Object signal = new Object();
    private final Thread thread;
    private boolean wakeRequested;
    private volatile boolean running = true;

    /** Not following yet: {@link #start} starts the thread; tests act on changes by hand, as a run cut short by a crash would. */
    IncidentAutomation(Incidents incidents, AutomationRules rules, LogStore logStore, Clock clock) {
        this(incidents, rules, logStore, clock, Optional.empty());
    }

    IncidentAutomation(Incidents incidents, AutomationRules rules, LogStore logStore, Clock clock, Optional<PlaybookLauncher> playbooks) {
        this.playbooks = playbooks;
        this.incidents = incidents;
        this.rules = rules;
        this.logStore = logStore;
        this.clock = clock;
        this.thread = new Thread(this::work, "vigil-automation");
        thread.setDaemon(true);
    }

    /**
     * Starts following the changes of every workspace, from each one's checkpoint.
     *
     * @param incidents opened with {@link #FOLLOWER} among its followers, so that it keeps the changes automation has not passed
     */
    public static IncidentAutomation start(Incidents incidents, AutomationRules rules, LogStore logStore, Clock clock) {
        return start(incidents, rules, logStore, clock, Optional.empty());
    }

    /** As {@link #start(Incidents, AutomationRules, LogStore, Clock)}, with the playbooks that {@code RunPlaybook} actions start. */
    public static IncidentAutomation start(Incidents incidents, AutomationRules rules, LogStore logStore, Clock clock,
            Optional<PlaybookLauncher> playbooks) {
        if (!incidents.keepsChangesFor(FOLLOWER)) {
            throw new IllegalArgumentException("the incidents must be opened with '" + FOLLOWER + "' among their followers, or a crash could lose changes");
        }
        IncidentAutomation automation = new IncidentAutomation(incidents, rules, logStore, clock, playbooks);
        incidents.addListener(event -> automation.wake(event.workspaceId()));
        logStore.workspaces().forEach(automation.waiting::add);
        automation.thread.start();
        return automation;
    }

    /** Rule runs (a rule acting on a change) since the start. */
    public long runs() {
        return runs.get();
    }

    /** The last change of the workspace that automation has acted on. */
    public long position(String workspaceId) {
        return consumer(workspaceId).position();
    }

    /** How automation's hand-off of the workspace is doing. */
    public ConsumerHealth health(String workspaceId) {
        return consumer(workspaceId).health();
    }

    private DurableConsumer<Map<String, Object>> consumer(String workspaceId) {
        return consumers.computeIfAbsent(workspaceId, id -> DurableConsumer.writingTable(logStore, id, "SentinelHealth",
                Incidents.followerCheckpoint(FOLLOWER, id), RETRY, Clock.systemUTC()));
    }

    private void wake(String workspaceId) {
        waiting.add(workspaceId);
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    private void work() {
        while (running) {
            Duration pause = IDLE_RECHECK;
            for (String workspaceId : List.copyOf(waiting)) {
                waiting.remove(workspaceId);
                Duration next;
                try {
                    next = follow(workspaceId);
                } catch (RuntimeException e) {
                    LOG.error("automation of workspace '{}' failed outside its hand-off; looking again in {}", workspaceId, RETRY.longestPause(), e);
                    next = RETRY.longestPause();
                }
                if (next.compareTo(IDLE_RECHECK) < 0) {
                    // waiting out a failure: looked at again after the pause, or sooner if a change comes
                    waiting.add(workspaceId);
                    pause = next.compareTo(pause) < 0 ? next : pause;
                }
            }
            synchronized (signal) {
                if (!wakeRequested && running) {
                    try {
                        signal.wait(Math.max(1, pause.toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        running = false;
                    }
                }
                wakeRequested = false;
            }
        }
    }

    /** Acts on the workspace's changes after automation's position; how long to wait before looking again. */
    Duration follow(String workspaceId) {
        DurableConsumer<Map<String, Object>> consumer = consumer(workspaceId);
        while (running) {
            List<IncidentEvent> changes = incidents.loggedChangesAfter(workspaceId, consumer.position(), CHANGES_PER_COMMIT);
            if (changes.isEmpty()) {
                return IDLE_RECHECK;
            }
            long last = changes.get(changes.size() - 1).sequence();
            List<AutomationRun> done = new ArrayList<>();
            HandoffOutcome<Map<String, Object>> outcome = consumer.handOff(last, after -> {
                done.clear();
                changes.forEach(change -> done.addAll(actOn(change)));
                return new Batch<>(done.stream().map(AutomationRun::healthRow).toList(), last);
            });
            if (outcome instanceof HandoffOutcome.Committed<Map<String, Object>>) {
                runs.addAndGet(done.size());
                incidents.followed(workspaceId, FOLLOWER, last);
            } else if (outcome instanceof HandoffOutcome.Failed<Map<String, Object>> failed) {
                // nothing moved: the same changes are acted on again, and the actions already made are found by their origin
                LOG.warn("automation of workspace '{}' failed on changes up to {} (attempt {}); retrying in {}", workspaceId, last, failed.attempt(),
                        failed.retryIn(), failed.cause());
                return failed.retryIn();
            } else if (outcome instanceof HandoffOutcome.Waiting<Map<String, Object>> later) {
                Duration left = Duration.between(Instant.now(), later.retryAt());
                return left.isNegative() ? Duration.ZERO : left;
            }
        }
        return IDLE_RECHECK;
    }

    /** Runs the workspace's rules on one change, in order, each seeing what the ones before changed. */
    List<AutomationRun> actOn(IncidentEvent event) {
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
                change = change.seeing(apply(rule, event, seen));
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
    private Incident apply(AutomationRule rule, IncidentEvent event, Incident seen) {
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
            // the run's id is made of its origin: acting on the change again after a crash starts no second run
            playbooks.orElseThrow(() -> new IllegalStateException("automation rule '" + rule.id() + "' runs a playbook, and no playbooks were given"))
                    .runOnIncident(event.workspaceId(), run.playbook(), changed, origin + "/" + run.order());
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

    /** Stops after the hand-off under way; what is left is acted on after the next start. */
    @Override
    public void close() {
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
