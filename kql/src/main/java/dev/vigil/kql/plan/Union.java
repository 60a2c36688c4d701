package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of every leg, one after another, under a common schema.
 *
 * @param sources for each leg, for each output column, the leg's column that fills it (empty: null)
 * @param sourceColumn the {@code withsource} column, first, holding {@code legNames}
 */
public record Union(List<LogicalOperator> legs, List<String> legNames, List<ColumnSchema> columns,
                    List<List<Optional<String>>> sources, Optional<String> sourceColumn) implements LogicalOperator {
    public Union {
        legs = List.copyOf(legs);
        legNames = List.copyOf(legNames);
        columns = List.copyOf(columns);
        sources = sources.stream().map(List::copyOf).toList();
    }

    @Override
    public List<ColumnSchema> schema() {
        if (sourceColumn.isEmpty()) {
            return columns;
        }
        List<ColumnSchema> withSource = new ArrayList<>();
        withSource.add(new ColumnSchema(sourceColumn.get(), KqlType.STRING));
        withSource.addAll(columns);
        return List.copyOf(withSource);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
