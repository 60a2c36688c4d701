package dev.vigil.kql.binder;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evaluate narrow()}: every cell of the input as a row of {@code Row} (the row's number in the
 * input, from 0), {@code Column} (its column's name) and {@code Value} (the value as a string), row by
 * row and, within a row, in the order of the columns.
 */
final class NarrowPlugin {
    static final String NAME = "narrow";

    private NarrowPlugin() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        if (!evaluate.plugin().arguments().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount(NAME, List.of(0)), evaluate.plugin().span());
        }
        List<String> cells = new ArrayList<>();
        for (ColumnSchema column : input.schema()) {
            cells.add("pack_array(" + PluginExpansion.string(column.name()) + ", tostring(" + PluginExpansion.name(column.name()) + "))");
        }
        String kql = PluginExpansion.INPUT
                + " | serialize __narrow_row = row_number() - 1"
                + " | project __narrow_row, __narrow_cells = pack_array(" + String.join(", ", cells) + ")"
                + " | mv-expand __narrow_cell = __narrow_cells"
                + " | project Row = __narrow_row, Column = tostring(__narrow_cell[0]), Value = tostring(__narrow_cell[1])";
        return PluginExpansion.expand(NAME, kql, input, environment, evaluate.plugin().span());
    }
}
