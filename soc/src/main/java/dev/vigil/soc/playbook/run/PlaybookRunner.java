package dev.vigil.soc.playbook.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentException;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.playbook.InvalidPlaybookException;
import dev.vigil.soc.playbook.Playbook;
import dev.vigil.soc.playbook.PlaybookException;
import dev.vigil.soc.playbook.PlaybookTrigger;
import dev.vigil.soc.playbook.action.StepActions;
import dev.vigil.soc.playbook.expression.KqlExpressions;
import dev.vigil.soc.playbook.store.Playbooks;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryLiterals;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and executes playbook runs. A run is recorded before it is started (the record is the
 * durable queue), executed by one of a few workers, and on start every run left unfinished by a
 * stop or a crash is resumed ({@link RunExecution}). Playbooks with a schedule are started on the
 * multiples of their interval, each slot once.
 */
public final class PlaybookRunner implements PlaybookLauncher, AutoCloseable {
    public static final int WORKERS = 2;
    private static final Duration SCHEDULE_TICK = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(PlaybookRunner.class);

    private final Playbooks playbooks;
    private final PlaybookRuns runs;
    private final StepActions actions;
    private final Incidents incidents;
    private final LogStore logStore;
    private final KqlExpressions expressions;
    private final Clock clock;
    private final ExecutorService workers;
    private final ExecutorService attempts;
    private final ScheduledExecutorService schedule;
    private final Set<String> executing = ConcurrentHashMap.newKeySet();
    /** The slot each scheduled playbook was last started for, so that the tick does not ask the store again within a slot. */
    private final Map<String, Instant> startedSlots = new ConcurrentHashMap<>();

    private PlaybookRunner(Playbooks playbooks, PlaybookRuns runs, StepActions actions, Incidents incidents, LogStore logStore, Clock clock) {
        this.playbooks = playbooks;
        this.runs = runs;
        this.actions = actions;
        this.incidents = incidents;
        this.logStore = logStore;
        this.expressions = new KqlExpressions(logStore);
        this.clock = clock;
        AtomicInteger worker = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(WORKERS, task -> daemon(task, "vigil-playbook-" + worker.incrementAndGet()));
        AtomicInteger attempt = new AtomicInteger();
        this.attempts = Executors.newCachedThreadPool(task -> daemon(task, "vigil-playbook-step-" + attempt.incrementAndGet()));
        this.schedule = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "vigil-playbook-schedule"));
    }

    /** Starts the workers, resumes the runs left unfinished, and starts the schedule. */
    public static PlaybookRunner start(Playbooks playbooks, PlaybookRuns runs, StepActions actions, Incidents incidents, LogStore logStore,
            Clock clock) {
        PlaybookRunner runner = new PlaybookRunner(playbooks, runs, actions, incidents, logStore, clock);
        for (PlaybookRun run : runs.unfinished()) {
            runs.log(run);
            // a finished one ended before a crash that came before its last rows were written: those are all it lacked
            if (!run.status().finished()) {
                runner.submit(run);
            }
        }
        runner.schedule.scheduleWithFixedDelay(runner::startScheduled, SCHEDULE_TICK.toMillis(), SCHEDULE_TICK.toMillis(), TimeUnit.MILLISECONDS);
        return runner;
    }

    /**
     * Records a run and starts it. Refused ({@link InvalidPlaybookException}) when the playbook does not
     * take the trigger, or what it names does not exist.
     *
     * @return the run as recorded; a run asked for again by the same automation or schedule slot is the one recorded first
     */
    public PlaybookRun start(RunRequest request) {
        PlaybookRun run = prepare(request);
        if (runs.create(run)) {
            runs.log(run);
            submit(run);
            return run;
        }
        return runs.get(request.workspaceId(), run.playbook(), run.runId());
    }

    /** The run asked for, checked and built, not recorded. */
    private PlaybookRun prepare(RunRequest request) {
        Playbook playbook = playbooks.get(request.workspaceId(), request.playbook());
        checkTrigger(playbook, request.trigger());
        String runId = request.idFromOrigin()
                ? UUID.nameUUIDFromBytes((request.workspaceId() + "\n" + request.playbook() + "\n" + request.origin()).getBytes(StandardCharsets.UTF_8))
                        .toString()
                : UUID.randomUUID().toString();
        Optional<Incident> incident = Optional.empty();
        if (request.incident().isPresent()) {
            try {
                incident = Optional.of(incidents.get(request.workspaceId(), request.incident().get()));
            } catch (IncidentException e) {
                throw new InvalidPlaybookException("incident", e.getMessage());
            }
        } else if (request.trigger().equals("incident")) {
            throw new InvalidPlaybookException("incident", "is required to run a playbook on an incident");
        }
        Optional<JsonNode> alert = request.alertId().map(id -> alert(request.workspaceId(), id));
        if (request.trigger().equals("alert") && alert.isEmpty()) {
            throw new InvalidPlaybookException("alertId", "is required to run a playbook on an alert");
        }
        if (request.trigger().equals("entity") && request.entity().isEmpty()) {
            throw new InvalidPlaybookException("entity", "is required to run a playbook on an entity");
        }
        ObjectNode inputs = RunInputs.of(request.workspaceId(), runId, request.trigger(), incident, alert, request.entity(), request.inputs());
        return new PlaybookRun(request.workspaceId(), playbook.name(), playbook.version(), runId, request.trigger(), request.origin(),
                incident.map(Incident::name).orElse(null), RunStatus.Waiting, inputs, List.of(), null, clock.instant(), null);
    }

    @Override
    public void checkRunnableOnIncidents(String workspaceId, String playbook) {
        checkTrigger(playbooks.get(workspaceId, playbook), "incident");
    }

    @Override
    public void checkRunnableOnAlerts(String workspaceId, String playbook) {
        checkTrigger(playbooks.get(workspaceId, playbook), "alert");
    }

    @Override
    public void startOnAlert(String workspaceId, String playbook, String systemAlertId, String origin) {
        start(new RunRequest(workspaceId, playbook, "alert", origin, Optional.empty(), Optional.of(systemAlertId), Optional.empty(), null));
    }

    @Override
    public PlaybookRun prepareOnIncident(String workspaceId, String playbook, Incident incident, String origin) {
        try {
            return prepare(RunRequest.onIncident(workspaceId, playbook, incident.name(), origin));
        } catch (PlaybookException e) {
            // the playbook was deleted or changed since the rule was saved: the rule's run says so, the next rules still run
            LOG.warn("automation could not run playbook '{}' on incident {} of workspace '{}': {}", playbook, incident.number(), workspaceId,
                    e.getMessage());
            throw e;
        }
    }

    @Override
    public void start(List<PlaybookRun> prepared, Runnable alongside) {
        runs.record(prepared, alongside);
        prepared.forEach(this::submit);
    }

    private static void checkTrigger(Playbook playbook, String trigger) {
        Class<? extends PlaybookTrigger> kind = switch (trigger) {
            case "incident" -> PlaybookTrigger.OnIncident.class;
            case "alert" -> PlaybookTrigger.OnAlert.class;
            case "entity" -> PlaybookTrigger.OnEntity.class;
            case "manual" -> PlaybookTrigger.Manual.class;
            case "schedule" -> PlaybookTrigger.Schedule.class;
            default -> throw new InvalidPlaybookException("trigger", "'" + trigger + "' is not one of incident, alert, entity, manual, schedule");
        };
        if (!playbook.definition().accepts(kind)) {
            throw new InvalidPlaybookException("trigger", "playbook '" + playbook.name() + "' does not start on '" + trigger + "'; its triggers are "
                    + String.join(", ", playbook.definition().triggers().stream().map(PlaybookTrigger::kind).toList()));
        }
    }

    private JsonNode alert(String workspaceId, String alertId) {
        ResultTable result = logStore.query(workspaceId, QueryRequest.of("SecurityAlert | where SystemAlertId == " + QueryLiterals.string(alertId)
                + " | summarize arg_max(TimeGenerated, *) by SystemAlertId")).primary();
        if (result.rows().isEmpty()) {
            throw new InvalidPlaybookException("alertId", "workspace '" + workspaceId + "' has no alert with SystemAlertId '" + alertId + "'");
        }
        ObjectNode alert = JSON.createObjectNode();
        for (int i = 0; i < result.columns().size(); i++) {
            alert.set(result.columns().get(i).name(), KqlExpressions.json(result.columns().get(i).type(), result.rows().get(0).get(i)));
        }
        return alert;
    }

    private void submit(PlaybookRun run) {
        if (!executing.add(run.runId())) {
            return;
        }
        workers.submit(() -> {
            try {
                execute(run);
            } finally {
                executing.remove(run.runId());
            }
        });
    }

    private void execute(PlaybookRun run) {
        Playbook playbook;
        Map<String, String> secrets;
        try {
            playbook = playbooks.version(run.workspaceId(), run.playbook(), run.version());
            secrets = playbooks.secrets(playbook);
        } catch (RuntimeException e) {
            // the version cannot be read back: the run is marked failed where it shows, not left waiting forever
            LOG.error("playbook run '{}' cannot start: {}", run.runId(), e.getMessage(), e);
            runs.save(run.finished(RunStatus.Failed, "the playbook's version " + run.version() + " cannot be loaded: " + e.getMessage(),
                    clock.instant()));
            return;
        }
        try {
            new RunExecution(run, playbook, secrets, runs, actions, expressions, attempts, clock).execute();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("playbook run '{}' stopped; it resumes on the next start", run.runId());
        } catch (RuntimeException e) {
            LOG.error("playbook run '{}' failed outside its steps", run.runId(), e);
        }
    }

    private void startScheduled() {
        Instant now = clock.instant();
        for (String workspaceId : logStore.workspaces()) {
            for (Playbook playbook : playbooks.list(workspaceId)) {
                playbook.definition().schedule().ifPresent(schedule -> {
                    long every = schedule.every().toMillis();
                    Instant slot = Instant.ofEpochMilli(now.toEpochMilli() / every * every);
                    String key = workspaceId + "/" + playbook.name();
                    if (slot.equals(startedSlots.get(key))) {
                        return;
                    }
                    try {
                        start(new RunRequest(workspaceId, playbook.name(), "schedule", "schedule/" + slot, Optional.empty(), Optional.empty(),
                                Optional.empty(), null));
                        startedSlots.put(key, slot);
                    } catch (RuntimeException e) {
                        LOG.warn("the scheduled run of playbook '{}' at {} could not start: {}", playbook.name(), slot, e.getMessage());
                    }
                });
            }
        }
    }

    /** Stops; runs under way are interrupted and resume on the next start. */
    @Override
    public void close() {
        schedule.shutdownNow();
        workers.shutdownNow();
        attempts.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
