package dev.vigil.workspace.api;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/**
 * How a query would run, without running it.
 *
 * @param plan the bound plan as an indented tree, with the type of every column and expression
 * @param sql the DuckDB statement the query compiles to
 * @param columns the columns of the primary result
 * @param tables the names of the query's result tables in order: {@code PrimaryResult}, or several for {@code fork} and
 *     {@code facet}, which callers that read one table refuse
 */
public record QueryExplanation(String plan, String sql, List<ColumnSchema> columns, List<String> tables) {
    public QueryExplanation {
        columns = List.copyOf(columns);
        tables = List.copyOf(tables);
    }
}
