package dev.vigil.kql.binder;

import dev.vigil.kql.IngestionRange;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.Filter;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.TableScan;
import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.syntax.TableReference;
import dev.vigil.kql.types.KqlType;
import java.util.Optional;

/**
 * A table reference: the table from the catalog, restricted to the query's time range when it has
 * {@code TimeGenerated}, and to the query's ingestion range when it has one.
 */
final class TableBinder {
    static final String TIME_COLUMN = "TimeGenerated";

    private TableBinder() {
    }

    static LogicalOperator bind(TableReference reference, Catalog catalog, Optional<TimeFilter> timeFilter,
                                Optional<IngestionRange> ingestion) {
        TableSchema table = catalog.table(reference.name())
                .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.unknownTable(reference.name()), reference.span()));
        LogicalOperator scan = new TableScan(table, ingestion);
        Optional<ColumnSchema> time = table.column(TIME_COLUMN).filter(c -> c.type() == KqlType.DATETIME);
        if (timeFilter.isEmpty() || time.isEmpty()) {
            return scan;
        }
        BoundColumn column = new BoundColumn(TIME_COLUMN, KqlType.DATETIME);
        BoundExpression from = ExpressionBinder.operator(BinaryOperator.GREATER_OR_EQUAL, reference.span(), column,
                BoundLiteral.of(timeFilter.get().start(), KqlType.DATETIME));
        BoundExpression to = ExpressionBinder.operator(BinaryOperator.LESS, reference.span(), column,
                BoundLiteral.of(timeFilter.get().end(), KqlType.DATETIME));
        return new Filter(scan, ExpressionBinder.operator(BinaryOperator.AND, reference.span(), from, to));
    }
}
