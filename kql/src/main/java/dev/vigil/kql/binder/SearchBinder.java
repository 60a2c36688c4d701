package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.Filter;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.BinaryExpression;
import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.LiteralExpression;
import dev.vigil.kql.syntax.LiteralKind;
import dev.vigil.kql.syntax.SearchOperator;
import dev.vigil.kql.syntax.TableReference;
import dev.vigil.kql.syntax.UnionOperator;
import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Optional;

/**
 * {@code search}: a filter where a lone string is a term that any string column must have
 * ({@code has}, case-insensitive), and {@code Column:"term"} is that column having it. At the start of a
 * pipe it searches the named tables, or every table, as a {@code union} with a {@code $table} column.
 */
final class SearchBinder {
    static final String TABLE_COLUMN = "$table";

    private SearchBinder() {
    }

    static LogicalOperator bind(SearchOperator search, Optional<LogicalOperator> input, Environment environment) {
        if (search.caseSensitive()) {
            throw new DiagnosticException(DiagnosticFacts.notSupported("search kind=case_sensitive"), search.span());
        }
        LogicalOperator source;
        if (input.isPresent()) {
            source = input.get();
        } else {
            List<TableReference> tables = search.tables().isEmpty()
                    ? List.of(new TableReference("*", search.span()))
                    : search.tables();
            UnionOperator union = new UnionOperator(Optional.empty(), Optional.of(new Identifier(TABLE_COLUMN, search.span())),
                    false, List.copyOf(tables), search.span());
            source = UnionBinder.bind(union, Optional.empty(), environment);
        }
        Scope scope = Scope.of(source.schema(), environment);
        return new Filter(source, predicate(search.predicate(), source.schema(), scope));
    }

    private static BoundExpression predicate(Expression expression, List<ColumnSchema> columns, Scope scope) {
        if (expression instanceof LiteralExpression literal && literal.kind() == LiteralKind.STRING) {
            return anyColumnHas(literal, columns);
        }
        if (expression instanceof BinaryExpression binary
                && (binary.operator() == BinaryOperator.AND || binary.operator() == BinaryOperator.OR)) {
            return ExpressionBinder.operator(binary.operator(), binary.operatorSpan(),
                    predicate(binary.left(), columns, scope), predicate(binary.right(), columns, scope));
        }
        return ExpressionBinder.bindScalar(expression, scope);
    }

    private static BoundExpression anyColumnHas(LiteralExpression term, List<ColumnSchema> columns) {
        BoundExpression result = null;
        BoundLiteral value = BoundLiteral.of(term.value(), KqlType.STRING);
        for (ColumnSchema column : columns) {
            if (column.type() != KqlType.STRING || column.name().equals(TABLE_COLUMN)) {
                continue;
            }
            BoundExpression has = ExpressionBinder.operator(BinaryOperator.HAS, term.span(), new BoundColumn(column.name(), column.type()), value);
            result = result == null ? has : ExpressionBinder.operator(BinaryOperator.OR, term.span(), result, has);
        }
        return result != null ? result : BoundLiteral.of(false, KqlType.BOOL);
    }
}
