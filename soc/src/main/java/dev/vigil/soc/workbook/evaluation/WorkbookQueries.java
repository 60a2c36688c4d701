package dev.vigil.soc.workbook.evaluation;

import dev.vigil.workspace.api.ResultTable;
import java.util.Optional;

/**
 * Runs a workbook's KQL on its workspace for the person viewing it, under the same limits as any
 * of their queries. A failure is thrown as a {@link RuntimeException} whose message the item shows.
 */
public interface WorkbookQueries {

    /**
     * @param timespan bounds {@code TimeGenerated}, as the query API's {@code timespan} does; empty for no bound
     * @return the primary result
     */
    ResultTable run(String kql, Optional<String> timespan);

    /**
     * Runs a drop-down parameter's query for its options. An implementation may keep the answer so
     * that {@link #recall} gives it again; by default it is run as any query.
     */
    default ResultTable options(String kql) {
        return run(kql, Optional.empty());
    }

    /**
     * The options {@link #options} last answered for this query text to the same viewer, if they
     * are kept. A re-evaluation after a change asks here first for the drop-downs that the change
     * does not touch, so that their queries do not run again; none are kept by default.
     */
    default Optional<ResultTable> recall(String kql) {
        return Optional.empty();
    }
}
