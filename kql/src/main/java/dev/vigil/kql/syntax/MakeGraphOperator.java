package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/**
 * {@code make-graph Source --> Target [with Nodes on Id [, Nodes2 on Id2] | with_node_id = Name]}: the pipe's rows
 * become a graph's edges. With {@code partitioned-by Column (Operators)} a graph is made per value of the column and the
 * graph operators in parentheses apply to each.
 */
public record MakeGraphOperator(Identifier source, Identifier target, List<GraphNodeTable> nodeTables, Optional<Identifier> withNodeId,
                                Optional<Identifier> partitionedBy, List<QueryOperator> partitionOperators, Span span) implements QueryOperator {
    public MakeGraphOperator {
        nodeTables = List.copyOf(nodeTables);
        partitionOperators = List.copyOf(partitionOperators);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
