package dev.vigil.server.api.query;

import dev.vigil.server.api.ColumnJson;
import dev.vigil.workspace.api.QueryExplanation;
import java.util.List;

/** {@code {"plan":"...","sql":"...","columns":[{"name","type"}]}}. */
record ExplanationJson(String plan, String sql, List<ColumnJson> columns) {
    static ExplanationJson of(QueryExplanation explanation) {
        return new ExplanationJson(explanation.plan(), explanation.sql(), explanation.columns().stream().map(ColumnJson::of).toList());
    }
}
