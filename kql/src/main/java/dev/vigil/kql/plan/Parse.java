package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/**
 * {@code parse} / {@code parse-where}: matches a regular expression (RE2 syntax) against the source
 * and fills one column per capture group; typed captures that do not convert are null.
 *
 * @param filtering drop rows that do not match ({@code parse-where})
 * @param columns the output columns: the input's, with the captures replacing same-named ones or appended
 */
public record Parse(LogicalOperator input, BoundExpression source, String regex, List<ParseCapture> captures, boolean filtering,
                    List<ColumnSchema> columns) implements LogicalOperator {
    public Parse {
        captures = List.copyOf(captures);
        columns = List.copyOf(columns);
    }

    @Override
    public List<ColumnSchema> schema() {
        return columns;
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
