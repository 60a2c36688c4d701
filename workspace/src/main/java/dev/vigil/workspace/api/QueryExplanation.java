package dev.vigil.workspace.api;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;
import java.util.Objects;

/**
 * How a query would run, without running it.
 *
 * @param plan the bound plan as an indented tree, with the type of every column and expression; with several results,
 *     each result's plan after a line {@code -- Name}
 * @param results the query's result tables in order: {@code PrimaryResult} alone, or several (a batch of tabular
 *     statements, {@code fork}, {@code facet}), which callers that read one table refuse
 */
public record QueryExplanation(String plan, List<Result> results) {
    public QueryExplanation {
        Objects.requireNonNull(plan, "plan");
        results = List.copyOf(results);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("an explained query has a result");
        }
    }

    /**
     * One result table.
     *
     * @param sql the DuckDB statement that produces it
     */
    public record Result(String name, List<ColumnSchema> columns, String sql) {
        public Result {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            Objects.requireNonNull(sql, "sql");
        }
    }

    /** The columns of the first result, what callers that read one table use. */
    public List<ColumnSchema> columns() {
        return results.get(0).columns();
    }

    /** The DuckDB statements of the query: the one, or each result's after a line {@code -- Name}. */
    public String sql() {
        if (results.size() == 1) {
            return results.get(0).sql();
        }
        StringBuilder text = new StringBuilder();
        for (Result result : results) {
            text.append("-- ").append(result.name()).append('\n').append(result.sql());
            if (!result.sql().endsWith("\n")) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** The names of the result tables, in order. */
    public List<String> tables() {
        return results.stream().map(Result::name).toList();
    }
}
