package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code make-series}: one row per group with, for each aggregate, a dynamic array of its value in
 * each bin of the axis ({@code from + i * step}, below {@code to}), and the axis values themselves
 * as the last column. A missing {@code from} is the bin of the smallest axis value, a missing
 * {@code to} the end of the bin of the largest.
 *
 * @param axisText a timespan axis value (the column {@link #AXIS_VALUE}) as the text Kusto prints
 * @param nonEmpty {@code kind=nonempty}: an empty input gives one row, the groups empty and every series its defaults
 */
public record MakeSeries(LogicalOperator input, List<OutputColumn> groups, List<SeriesAggregate> aggregates,
                         BoundExpression axis, String axisName, Optional<BoundExpression> from, Optional<BoundExpression> to,
                         BoundExpression step, BoundExpression axisText, boolean nonEmpty) implements LogicalOperator {
    /** The name {@code axisText} refers to an axis value by. */
    public static final String AXIS_VALUE = "__axis_value";

    public MakeSeries {
        groups = List.copyOf(groups);
        aggregates = List.copyOf(aggregates);
    }

    @Override
    public List<ColumnSchema> schema() {
        List<ColumnSchema> columns = new ArrayList<>();
        groups.forEach(g -> columns.add(g.schema()));
        aggregates.forEach(a -> columns.add(new ColumnSchema(a.name(), KqlType.DYNAMIC)));
        columns.add(new ColumnSchema(axisName, KqlType.DYNAMIC));
        return List.copyOf(columns);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
