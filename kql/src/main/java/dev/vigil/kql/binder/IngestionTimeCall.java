package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.Filter;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.plan.TableScan;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code ingestion_time()}: when each row was ingested, which the store keeps in a hidden column
 * of every stored table. Kusto carries that column along with the row; here it is read where
 * {@code where}, {@code extend} and {@code project} work on a table's rows directly (after
 * nothing but other {@code where}s and {@code extend}s), the way queries use it. Anywhere else, and for tables the
 * store keeps no ingestion time for, it is null, as Kusto's is for a table without the policy.
 */
final class IngestionTimeCall {
    static final String NAME = "ingestion_time";

    private IngestionTimeCall() {
    }

    static BoundExpression bind(FunctionCall call, Scope scope) {
        if (!call.arguments().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount(NAME, List.of(0)), call.span());
        }
        Optional<BoundExpression> hidden = scope.lookup(TableScan.INGESTION_TIME);
        if (hidden.isPresent()) {
            return hidden.get();
        }
        scope.environment().context().ingestionTimeMissed();
        return new BoundLiteral(Optional.empty(), KqlType.DATETIME);
    }

    /**
     * Binds an operator over {@code input}; when it called {@code ingestion_time()} and the input
     * is a stored table's scan (under {@code where}s), binds it again over the scan with the
     * ingestion time, which is then dropped from the operator's result.
     */
    static LogicalOperator bindOver(LogicalOperator input, Environment environment, UnaryOperator<LogicalOperator> operator) {
        QueryContext context = environment.context();
        int missesBefore = context.ingestionTimeMisses();
        LogicalOperator plain = operator.apply(input);
        if (context.ingestionTimeMisses() == missesBefore || context.ingestionTimeColumn().isEmpty()) {
            return plain;
        }
        Optional<LogicalOperator> widened = widened(input, context.ingestionTimeColumn().get());
        if (widened.isEmpty()) {
            return plain;
        }
        LogicalOperator bound = operator.apply(widened.get());
        if (bound.schema().stream().noneMatch(column -> column.name().equals(TableScan.INGESTION_TIME))) {
            return bound;
        }
        return new Project(bound, bound.schema().stream()
                .filter(column -> !column.name().equals(TableScan.INGESTION_TIME))
                .map(column -> new OutputColumn(column.name(), new BoundColumn(column.name(), column.type())))
                .toList());
    }

    private static Optional<LogicalOperator> widened(LogicalOperator plan, String column) {
        if (plan instanceof TableScan scan && scan.table().hasStorage()) {
            return Optional.of(new TableScan(scan.table(), scan.ingestion(), Optional.of(column)));
        }
        if (plan instanceof Filter filter) {
            return widened(filter.input(), column).map(input -> new Filter(input, filter.predicate()));
        }
        if (plan instanceof Project project && dropsIngestionTimeOnly(project)) {
            // an earlier operator read the ingestion time and dropped it again: read it from there
            return Optional.of(project.input());
        }
        return Optional.empty();
    }

    /** Whether this is the projection {@link #bindOver} adds: the input's columns but the ingestion time, unchanged. */
    private static boolean dropsIngestionTimeOnly(Project project) {
        List<String> kept = project.input().schema().stream().map(ColumnSchema::name)
                .filter(name -> !name.equals(TableScan.INGESTION_TIME)).toList();
        return kept.size() == project.input().schema().size() - 1
                && project.columns().stream().map(OutputColumn::name).toList().equals(kept)
                && project.columns().stream().allMatch(c -> c.expression() instanceof BoundColumn bound && bound.name().equals(c.name()));
    }
}
