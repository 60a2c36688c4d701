package dev.vigil.server.console.logs;

import dev.vigil.kql.Visualization;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.workspace.api.ResultSink;
import dev.vigil.workspace.api.ResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes a Logs query's rows as the store reads them and keeps only the first {@code limit}, counting
 * the rest: the console holds at most that many rows of a result however many the query returns.
 */
final class KeptRows implements ResultSink {
    private final int limit;
    private final List<List<Object>> rows = new ArrayList<>();
    private List<ColumnSchema> columns = List.of();
    private Optional<Visualization> render = Optional.empty();

    KeptRows(int limit) {
        this.limit = limit;
    }

    @Override
    public void begin(List<ColumnSchema> resultColumns, Optional<Visualization> resultRender) {
        columns = resultColumns;
        render = resultRender;
    }

    @Override
    public void row(List<Object> values) {
        if (rows.size() < limit) {
            rows.add(values);
        }
    }

    ResultTable table() {
        return new ResultTable("PrimaryResult", columns, rows);
    }

    Optional<Visualization> render() {
        return render;
    }
}
