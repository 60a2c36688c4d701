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
import java.util.Set;
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
    private final DropDownOptions options = new DropDownOptions();

    public WorkbookRuns(InteractiveQueries queries, QueryLog log, QueryConcurrency concurrency, Clock clock) {
        this.queries = new CallerQueries(queries, log, clock);
        this.evaluator = new WorkbookEvaluator(RUNNERS, concurrency.maxRunningPerCaller(), clock);
    }

    /**
     * Evaluates every item.
     *
     * @param credential the API key id, or {@code session}, for the query log
     * @param clientApp what the query log names as the client
     */
    public WorkbookEvaluation evaluate(NotebookDocument document, Map<String, JsonNode> given, String workspace, Principal viewer, String credential,
            String clientApp) {
        return evaluator.evaluate(document, given, queries(workspace, viewer, credential, clientApp));
    }

    /**
     * Evaluates only the items that depend on the {@code changed} parameters
     * ({@link WorkbookEvaluator#reevaluate}); drop-downs the change does not touch keep the options
     * this viewer's last evaluation of the workbook got.
     */
    public WorkbookEvaluation reevaluate(NotebookDocument document, Map<String, JsonNode> given, Set<String> changed, String workspace,
            Principal viewer, String credential, String clientApp) {
        return evaluator.reevaluate(document, given, changed, queries(workspace, viewer, credential, clientApp));
    }

    private WorkbookQueries queries(String workspace, Principal viewer, String credential, String clientApp) {
        return new WorkbookQueries() {
            @Override
            public ResultTable run(String kql, Optional<String> timespan) {
                return WorkbookRuns.this.run(kql, timespan, workspace, viewer, credential, clientApp);
            }

            @Override
            public ResultTable options(String kql) {
                ResultTable table = run(kql, Optional.empty());
                options.keep(workspace, viewer.id(), kql, table);
                return table;
            }

            @Override
            public Optional<ResultTable> recall(String kql) {
                return options.recall(workspace, viewer.id(), kql);
            }
        };
    }

    private ResultTable run(String kql, Optional<String> timespan, String workspace, Principal viewer, String credential, String clientApp) {
        return queries.run(new QueryRequest(kql, timespan), workspace, viewer, credential, clientApp).primary();
    }
}
