package dev.vigil.kql.binder;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import java.util.List;

/**
 * {@code evaluate schema_merge([PreserveOrder])} over schemas as {@code getschema} writes them (usually a union of
 * several): one row per column name, typed as its schemas type it, or {@code dynamic} when they disagree; columns in
 * the order of their smallest ordinal (then name), numbered again from 0.
 */
final class SchemaMergePlugin {
    static final String NAME = "schema_merge";

    private SchemaMergePlugin() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        if (evaluate.plugin().arguments().size() > 1) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount(NAME, List.of(0, 1)), evaluate.plugin().span());
        }
        String kql = PluginExpansion.INPUT
                + " | summarize __sm_ordinal = min(ColumnOrdinal), __sm_types = make_set(ColumnType), __sm_data = take_any(DataType) by ColumnName"
                + " | extend __sm_single = array_length(__sm_types) == 1"
                + " | sort by __sm_ordinal asc, ColumnName asc"
                + " | project ColumnName, ColumnOrdinal = toint(row_number() - 1),"
                + " DataType = iff(__sm_single, __sm_data, \"System.Object\"),"
                + " ColumnType = iff(__sm_single, tostring(__sm_types[0]), \"dynamic\")";
        return PluginExpansion.expand(NAME, kql, input, environment, evaluate.plugin().span());
    }
}
