package dev.vigil.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.identity.Principal;
import dev.vigil.soc.workbook.evaluation.WorkbookEvaluation;
import dev.vigil.soc.workbook.evaluation.WorkbookEvaluator;
import dev.vigil.soc.workbook.evaluation.WorkbookQueries;
import dev.vigil.soc.workbook.notebook.NotebookDocument;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates workbooks for the person viewing them: each query takes a place among the
 * {@link InteractiveQueries} under that person's name (the same limits, queue and refusal as their
 * Logs queries), gets its {@code LAQueryLogs} row, and at most as many run at once as one person may run.
 */
public final class WorkbookRuns {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Shared by every server in the process; idle threads end after a minute. */
    private static final ExecutorService RUNNERS = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "vigil-workbook-query-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final CallerQueries queries;
    private final WorkbookEvaluator evaluator;

    public WorkbookRuns(InteractiveQueries queries, QueryLog log, QueryConcurrency concurrency, Clock clock) {
        this.queries = new CallerQueries(queries, log, clock);
        this.evaluator = new WorkbookEvaluator(RUNNERS, concurrency.maxRunningPerCaller(), clock);
    }

    /**
     * @param credential the API key id, or {@code session}, for the query log
     * @param clientApp what the query log names as the client
     */
    public WorkbookEvaluation evaluate(NotebookDocument document, Map<String, JsonNode> given, String workspace, Principal viewer, String credential,
            String clientApp) {
        return evaluator.evaluate(document, given, (kql, timespan) -> run(kql, timespan, workspace, viewer, credential, clientApp));
    }

    private ResultTable run(String kql, Optional<String> timespan, String workspace, Principal viewer, String credential, String clientApp) {
        return queries.run(new QueryRequest(kql, timespan), workspace, viewer, credential, clientApp).primary();
    }
}
