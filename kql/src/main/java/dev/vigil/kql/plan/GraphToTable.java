package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code graph-to-table}: a row per node of the graph ({@code nodes}) or per edge, its properties as columns, after the
 * columns of node hashes asked for ({@code with_node_id}, or {@code with_source_id} and {@code with_target_id}).
 */
public record GraphToTable(Graph graph, boolean nodes, Optional<String> nodeHash, Optional<String> sourceHash, Optional<String> targetHash)
        implements LogicalOperator {
    @Override
    public List<ColumnSchema> schema() {
        List<ColumnSchema> columns = new ArrayList<>();
        nodeHash.ifPresent(n -> columns.add(new ColumnSchema(n, KqlType.LONG)));
        sourceHash.ifPresent(n -> columns.add(new ColumnSchema(n, KqlType.LONG)));
        targetHash.ifPresent(n -> columns.add(new ColumnSchema(n, KqlType.LONG)));
        for (ColumnSchema property : nodes ? graph.nodeProperties() : graph.edgeProperties()) {
            if (columns.stream().noneMatch(c -> c.name().equals(property.name()))) {
                columns.add(property);
            }
        }
        return List.copyOf(columns);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
