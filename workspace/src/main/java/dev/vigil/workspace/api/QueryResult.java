package dev.vigil.workspace.api;

import dev.vigil.kql.Visualization;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Log Analytics query API's result: the primary table first.
 *
 * @param render how the query's {@code render} asked the result to be drawn, if it did
 * @param truncation present when the primary result was cut at a result limit ({@link QueryLimits})
 */
public record QueryResult(List<ResultTable> tables, Optional<Visualization> render, Optional<ResultTruncation> truncation) {
    public QueryResult {
        tables = List.copyOf(tables);
        Objects.requireNonNull(render, "render");
        Objects.requireNonNull(truncation, "truncation");
    }

    public QueryResult(List<ResultTable> tables, Optional<Visualization> render) {
        this(tables, render, Optional.empty());
    }

    public QueryResult(List<ResultTable> tables) {
        this(tables, Optional.empty());
    }

    public ResultTable primary() {
        return tables.get(0);
    }
}
