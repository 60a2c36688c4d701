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
}
