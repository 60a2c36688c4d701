package dev.vigil.workspace.api;

import java.util.List;

/** The Log Analytics query API's result: the primary table first. */
public record QueryResult(List<ResultTable> tables) {
    public QueryResult {
        tables = List.copyOf(tables);
    }

    public ResultTable primary() {
        return tables.get(0);
    }
}
