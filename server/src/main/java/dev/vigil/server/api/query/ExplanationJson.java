package dev.vigil.server.api.query;

import dev.vigil.server.api.ColumnJson;
import dev.vigil.workspace.api.QueryExplanation;
import java.util.List;

/**
 * {@code {"plan":"...","sql":"...","columns":[{"name","type"}],"tables":[{"name","columns","sql"}]}}: {@code columns} are
 * the first table's, {@code plan} and {@code sql} cover every table, and {@code tables} lists each on its own.
 */
record ExplanationJson(String plan, String sql, List<ColumnJson> columns, List<Table> tables) {
    static ExplanationJson of(QueryExplanation explanation) {
        return new ExplanationJson(explanation.plan(), explanation.sql(), columns(explanation.columns()),
                explanation.results().stream().map(r -> new Table(r.name(), columns(r.columns()), r.sql())).toList());
    }

    private static List<ColumnJson> columns(List<dev.vigil.kql.catalog.ColumnSchema> columns) {
        return columns.stream().map(ColumnJson::of).toList();
    }

    /** One result table of the query. */
    record Table(String name, List<ColumnJson> columns, String sql) {
    }
}
