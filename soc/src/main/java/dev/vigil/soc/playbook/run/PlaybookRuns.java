package dev.vigil.soc.playbook.run;

import dev.vigil.soc.handoff.Batch;
import dev.vigil.soc.handoff.DurableConsumer;
import dev.vigil.soc.handoff.HandoffOutcome;
import dev.vigil.soc.handoff.RetryPolicy;
import dev.vigil.soc.playbook.PlaybookRunNotFoundException;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of every run: each run is a document of the state store, written at every step's
 * start and end (what the API answers and what a resumed run replays), and its finished steps and
 * its end are rows of {@code LogicAppWorkflowRuntime}, Logic Apps' own table, for KQL.
 *
 * <p>The rows are a durable hand-off per run: the run's document is the producer, and a
 * {@link DurableConsumer} named {@code playbookRun/<runId>} commits the rows with the count written
 * so far as its position; rows the document has and the table does not yet (a crash between the
 * two) are written when the run is next logged, none twice.
 */
public final class PlaybookRuns {
    public static final String TABLE = "LogicAppWorkflowRuntime";
    private static final String RUNS = "playbookRuns";
    private static final String UNFINISHED = "playbookRunsUnfinished";
    private static final RetryPolicy LOG_RETRY = RetryPolicy.fixed(Duration.ZERO, 0);
    private static final Logger LOG = LoggerFactory.getLogger(PlaybookRuns.class);

    private final LogStore logStore;
    private final StateStore state;
    private final DocumentCollection<PlaybookRun> runs;
    private final DocumentCollection<PlaybookRun> unfinished;
    private final Clock clock;
    private final List<Consumer<PlaybookRun>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, DurableConsumer<Map<String, Object>>> logging = new ConcurrentHashMap<>();

    public PlaybookRuns(LogStore logStore, StateStore state, Clock clock) {
        this.logStore = logStore;
        this.state = state;
        this.runs = state.collection(RUNS, PlaybookRun.class);
        this.unfinished = state.collection(UNFINISHED, PlaybookRun.class);
        this.clock = clock;
    }

    /** Told of every run as it is recorded, after each save (a step started or finished, the run's end): for live views and measurements. */
    public void addListener(Consumer<PlaybookRun> listener) {
        listeners.add(listener);
    }

    /** Records a new run; false when a run of this id exists (asked for again after a crash), which is left as it is. */
    synchronized boolean create(PlaybookRun run) {
        String key = key(run.workspaceId(), run.playbook(), run.runId());
        if (runs.get(key).isPresent()) {
            return false;
        }
        state.transaction(() -> {
            runs.put(key, run);
            unfinished.put(key, run);
        });
        return true;
    }

    /**
     * Records new runs (ids never used before, which the caller knows, so nothing is read first)
     * in one state transaction with {@code alongside}; inside a transaction of the caller's, in that one.
     */
    void record(List<PlaybookRun> created, Runnable alongside) {
        state.transaction(() -> {
            for (PlaybookRun run : created) {
                String key = key(run.workspaceId(), run.playbook(), run.runId());
                runs.put(key, run);
                unfinished.put(key, run);
            }
            alongside.run();
        });
    }

    /** Records the run as it is now, then writes the rows it has that the table has not. */
    void save(PlaybookRun run) {
        String key = key(run.workspaceId(), run.playbook(), run.runId());
        if (run.status().finished()) {
            state.transaction(() -> {
                runs.put(key, run);
                unfinished.delete(key);
            });
        } else {
            // listed as unfinished since its creation; the run itself is read from the runs when resumed
            runs.put(key, run);
        }
        log(run);
        listeners.forEach(listener -> listener.accept(run));
    }

    /** Writes the run's rows the table does not have yet. A failure is logged and caught up by the run's next save or on restart. */
    void log(PlaybookRun run) {
        List<Map<String, Object>> rows = WorkflowRuntimeRows.of(run);
        if (rows.isEmpty()) {
            return;
        }
        // one consumer per run while it runs, so that its position is read from the store once
        DurableConsumer<Map<String, Object>> consumer = logging.computeIfAbsent(run.runId(), id -> DurableConsumer.writingTable(logStore,
                run.workspaceId(), TABLE, checkpoint(id), LOG_RETRY, clock));
        if (consumer.position() >= rows.size()) {
            forgetIfDone(run, consumer, rows.size());
            return;
        }
        HandoffOutcome<Map<String, Object>> outcome = consumer.handOff(rows.size(),
                after -> new Batch<>(rows.subList((int) after, rows.size()), rows.size()));
        if (outcome instanceof HandoffOutcome.Failed<Map<String, Object>> failed) {
            LOG.warn("the rows of playbook run '{}' could not be written yet: {}", run.runId(), failed.cause().getMessage());
        }
        forgetIfDone(run, consumer, rows.size());
    }

    private void forgetIfDone(PlaybookRun run, DurableConsumer<Map<String, Object>> consumer, int rows) {
        if (run.status().finished() && consumer.position() >= rows) {
            logging.remove(run.runId());
        }
    }

    public PlaybookRun get(String workspaceId, String playbook, String runId) {
        return find(workspaceId, playbook, runId).orElseThrow(() -> new PlaybookRunNotFoundException(playbook, runId));
    }

    public Optional<PlaybookRun> find(String workspaceId, String playbook, String runId) {
        return runs.get(key(workspaceId, playbook, runId));
    }

    /** The playbook's runs, newest first, at most {@code top}. */
    public List<PlaybookRun> list(String workspaceId, String playbook, int top) {
        String prefix = workspaceId + "/" + playbook + "/";
        return runs.listAfter(prefix, Integer.MAX_VALUE).stream().takeWhile(run -> key(run.workspaceId(), run.playbook(), run.runId())
                .startsWith(prefix)).filter(run -> run.playbook().equals(playbook))
                .sorted(Comparator.comparing(PlaybookRun::startTime).reversed().thenComparing(PlaybookRun::runId)).limit(top).toList();
    }

    /** Runs not finished: waiting, or cut short by a stop or a crash. */
    List<PlaybookRun> unfinished() {
        return unfinished.list().stream().map(run -> runs.get(key(run.workspaceId(), run.playbook(), run.runId())).orElse(run)).toList();
    }

    static String checkpoint(String runId) {
        return "playbookRun/" + runId;
    }

    private static String key(String workspaceId, String playbook, String runId) {
        return workspaceId + "/" + playbook + "/" + runId;
    }
}
