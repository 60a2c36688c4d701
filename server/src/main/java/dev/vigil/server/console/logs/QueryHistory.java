package dev.vigil.server.console.logs;

import dev.vigil.server.console.layout.DisplayTime;
import dev.vigil.server.query.QueryLog;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryLiterals;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's last queries on the Logs page, newest first, each once: read from {@code LAQueryLogs},
 * where every console query already has its row, so the history needs no store of its own and
 * lasts as long as the workspace keeps its logs.
 */
public final class QueryHistory {
    static final int SIZE = 20;

    private final LogStore logStore;

    QueryHistory(LogStore logStore) {
        this.logStore = logStore;
    }

    /**
     * @param ranAt when it last ran
     * @param status the status it ended with (200, or why it failed)
     */
    public record Entry(String query, String ranAt, long rows, int status) {
    }

    List<Entry> of(String workspace, String user) {
        String query = QueryLog.TABLE + " | where TimeGenerated > ago(30d)"
                + " | where AADObjectId == " + QueryLiterals.string(user) + " and RequestClientApp == " + QueryLiterals.string(LogsQueries.CLIENT_APP)
                + " | summarize arg_max(TimeGenerated, ResponseRowCount, ResponseCode) by QueryText"
                + " | top " + SIZE + " by TimeGenerated desc"
                + " | project QueryText, TimeGenerated, ResponseRowCount, ResponseCode";
        ResultTable table = logStore.query(workspace, QueryRequest.of(query)).primary();
        List<Entry> entries = new ArrayList<>(table.rows().size());
        for (List<Object> row : table.rows()) {
            entries.add(new Entry(String.valueOf(row.get(0)), time(row.get(1)), number(row.get(2)), (int) number(row.get(3))));
        }
        return entries;
    }

    private static String time(Object value) {
        try {
            return value == null ? "" : DisplayTime.format(Instant.parse(value.toString()));
        } catch (DateTimeParseException e) {
            return value.toString();
        }
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
