package dev.vigil.soc.playbook.run;

import dev.vigil.soc.handoff.Batch;
import dev.vigil.soc.handoff.DurableConsumer;
import dev.vigil.soc.handoff.HandoffOutcome;
import dev.vigil.soc.handoff.RetryPolicy;
import dev.vigil.soc.playbook.PlaybookRunNotFoundException;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryLiterals;
import dev.vigil.workspace.api.QueryRequest;
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
 * {@link DurableConsumer} writes the rows the table does not have yet. Its position is the count of
 * the run's rows in the table itself: each hand-off writes its rows in one batch, so the count
 * moves with them or not at all, and no checkpoint is kept per run (one per run would be left
 * behind by every run, growing without bound). The count is read only for a run this process did
 * not create (one resumed after a restart); a new run starts at 0. Rows the document has and the
 * table does not yet (a crash between the two) are written when the run is next logged, none twice.
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
        logging.put(run.runId(), rowsOf(run, true));
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
        created.forEach(run -> logging.put(run.runId(), rowsOf(run, true)));
    }

    /**
     * Records the run as it is now, then writes the rows it has that the table has not. A finished
     * run stays listed as unfinished until its last rows are in the table, so that a crash in between
     * has them written on the next start.
     */
    void save(PlaybookRun run) {
        String key = key(run.workspaceId(), run.playbook(), run.runId());
        runs.put(key, run);
        log(run);
        listeners.forEach(listener -> listener.accept(run));
    }

    /**
     * Writes the run's rows the table does not have yet. A failure is logged and caught up by the run's next save or on restart.
     * A finished run whose rows are all in the table is no longer listed as unfinished.
     */
    void log(PlaybookRun run) {
        List<Map<String, Object>> rows = WorkflowRuntimeRows.of(run);
        if (rows.isEmpty()) {
            forgetIfDone(run, true);
            return;
        }
        // one consumer per run while it runs, so that its position is read from the store once
        DurableConsumer<Map<String, Object>> consumer = logging.computeIfAbsent(run.runId(), id -> rowsOf(run, false));
        if (consumer.position() < rows.size()) {
            HandoffOutcome<Map<String, Object>> outcome = consumer.handOff(rows.size(),
                    after -> new Batch<>(rows.subList((int) after, rows.size()), rows.size()));
            if (outcome instanceof HandoffOutcome.Failed<Map<String, Object>> failed) {
                LOG.warn("the rows of playbook run '{}' could not be written yet: {}", run.runId(), failed.cause().getMessage());
            }
        }
        forgetIfDone(run, consumer.position() >= rows.size());
    }

    private void forgetIfDone(PlaybookRun run, boolean written) {
        if (run.status().finished() && written) {
            logging.remove(run.runId());
            unfinished.delete(key(run.workspaceId(), run.playbook(), run.runId()));
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

    /** The hand-off of a run's rows, at the count of its rows in the table: 0 for a run just created, else read from the table once. */
    private DurableConsumer<Map<String, Object>> rowsOf(PlaybookRun run, boolean created) {
        String name = "playbookRun/" + run.runId();
        return new DurableConsumer<>(name, () -> created ? 0 : rowsLogged(run),
                (rows, position) -> logStore.ingest(run.workspaceId(), TABLE, rows).join(), LOG_RETRY, clock);
    }

    private long rowsLogged(PlaybookRun run) {
        String query = TABLE + " | where RunId == " + QueryLiterals.string(run.runId()) + " and WorkflowName == "
                + QueryLiterals.string(run.playbook()) + " | count";
        return ((Number) logStore.query(run.workspaceId(), QueryRequest.of(query)).primary().rows().get(0).get(0)).longValue();
    }

    private static String key(String workspaceId, String playbook, String runId) {
        return workspaceId + "/" + playbook + "/" + runId;
    }
}
