package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every match of a {@code graph-match} pattern in a graph, one row per match, before the operator's {@code where}
 * and {@code project} (a {@link Filter} and a {@link Project} over this). A named node or one-edge-long edge gives a
 * column per property, named {@code variable.property}; a variable-length edge gives the list of its edges
 * ({@link #edgeList}) and of its inner nodes ({@link #innerNodeList}), which {@link dev.vigil.kql.bound.BoundPathElements}
 * reads.
 *
 * @param nodes the pattern's distinct nodes: a named variable once however often it is written, each anonymous node
 * @param edges the pattern's edges, each between two of {@code nodes}
 * @param partitionType the type of the graph's partition column ({@code int} when it has none: one partition, 0)
 */
public record GraphMatch(Graph graph, List<MatchNode> nodes, List<MatchEdge> edges, GraphCycles cycles, Optional<PathEnds> ends,
                         KqlType partitionType) implements LogicalOperator {
    /** The type the list columns are declared with; they never leave the operator's project. */
    public static final KqlType LIST_TYPE = KqlType.DYNAMIC;
    /** With path ends: the path's partition, the id of its first node, of its last node, and its number of edges. */
    public static final String PATH_PARTITION = "__path_partition";
    public static final String PATH_FIRST = "__path_first";
    public static final String PATH_LAST = "__path_last";
    public static final String PATH_LENGTH = "__path_length";

    public GraphMatch {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** A node of the pattern; {@code variable} is empty for {@code ()}. */
    public record MatchNode(Optional<String> variable) {
    }

    /**
     * An edge of the pattern from node {@code left} to node {@code right} (indexes into {@code nodes}), as written:
     * {@code direction} says which way the graph's edges must run. A variable-length edge spans {@code min} to {@code max}
     * edges, each passing {@code elementFilter} (the where conditions on its edges' properties); a plain edge is 1..1.
     */
    public record MatchEdge(Optional<String> variable, int left, int right, Direction direction, boolean variableLength, int min, int max,
                            Optional<BoundExpression> elementFilter) {
    }

    /** The nodes (indexes into {@code nodes}) where a one-sequence pattern starts and ends, for graph-shortest-paths. */
    public record PathEnds(int first, int last) {
    }

    /** Which way a pattern edge runs between its left and right nodes. */
    public enum Direction {
        LEFT_TO_RIGHT, RIGHT_TO_LEFT, ANY
    }

    /** The column holding {@code variable}'s {@code property}. */
    public static String propertyColumn(String variable, String property) {
        return variable + "." + property;
    }

    /** The column holding the edges of variable-length edge {@code variable}, in order from its left node: a list of rows of their properties. */
    public static String edgeList(String variable) {
        return variable + ".__edges";
    }

    /** The column holding the inner nodes of variable-length edge {@code variable}, in order from its left node. */
    public static String innerNodeList(String variable) {
        return variable + ".__inner_nodes";
    }

    /** The column holding the number of edges into ({@code incoming}) or out of a named node. */
    public static String degreeColumn(String variable, boolean incoming) {
        return variable + (incoming ? ".__degree_in" : ".__degree_out");
    }

    @Override
    public List<ColumnSchema> schema() {
        List<ColumnSchema> columns = new ArrayList<>();
        for (MatchNode node : nodes) {
            node.variable().ifPresent(v -> {
                graph.nodeProperties().forEach(p -> columns.add(new ColumnSchema(propertyColumn(v, p.name()), p.type())));
                columns.add(new ColumnSchema(degreeColumn(v, true), KqlType.LONG));
                columns.add(new ColumnSchema(degreeColumn(v, false), KqlType.LONG));
            });
        }
        for (MatchEdge edge : edges) {
            if (edge.variable().isEmpty()) {
                continue;
            }
            String variable = edge.variable().get();
            if (edge.variableLength()) {
                columns.add(new ColumnSchema(edgeList(variable), LIST_TYPE));
                columns.add(new ColumnSchema(innerNodeList(variable), LIST_TYPE));
            } else {
                graph.edgeProperties().forEach(p -> columns.add(new ColumnSchema(propertyColumn(variable, p.name()), p.type())));
            }
        }
        ends.ifPresent(e -> {
            columns.add(new ColumnSchema(PATH_PARTITION, partitionType));
            columns.add(new ColumnSchema(PATH_FIRST, graph.nodeIdType()));
            columns.add(new ColumnSchema(PATH_LAST, graph.nodeIdType()));
            columns.add(new ColumnSchema(PATH_LENGTH, KqlType.LONG));
        });
        return List.copyOf(columns);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
