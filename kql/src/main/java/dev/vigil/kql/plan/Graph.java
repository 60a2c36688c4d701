package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A graph as {@code make-graph} and {@code graph-merge} build it. It exists only while the query compiles: the
 * graph operators that read it ({@link GraphMatch}, {@link GraphToTable}) are written as SQL over its tables.
 * A node is a distinct id found in an edge's source or target or in a node table; its properties are the node
 * tables' columns (merged by name), and the properties named in {@code nodeIdProperties} always hold its id. An edge
 * is a row of an edge table, its properties the union of the edge tables' columns.
 *
 * @param nodeIdType the type every node id column has
 * @param partition the column of {@code make-graph ... partitioned-by}, in every edge and node table: a node is then an id
 *     within a value of it, and edges join nodes of their own value only
 */
public record Graph(List<GraphEdges> edges, List<GraphNodes> nodes, Set<String> nodeIdProperties, KqlType nodeIdType,
                   List<ColumnSchema> edgeProperties, List<ColumnSchema> nodeProperties, List<ComponentMark> components,
                   Optional<String> partition) {
    public Graph {
        edges = List.copyOf(edges);
        nodes = List.copyOf(nodes);
        nodeIdProperties = Set.copyOf(nodeIdProperties);
        edgeProperties = List.copyOf(edgeProperties);
        nodeProperties = List.copyOf(nodeProperties);
        components = List.copyOf(components);
    }

    /** The graph with each node's component (of {@code graph-mark-components}) in a new long property. */
    public Graph withComponents(ComponentMark mark) {
        List<ColumnSchema> properties = new java.util.ArrayList<>(nodeProperties);
        properties.add(new ColumnSchema(mark.property(), KqlType.LONG));
        List<ComponentMark> marks = new java.util.ArrayList<>(components);
        marks.add(mark);
        return new Graph(edges, nodes, nodeIdProperties, nodeIdType, edgeProperties, properties, marks, partition);
    }

    /** Whether {@code property} holds a component index rather than a value of the node tables. */
    public boolean isComponent(String property) {
        return components.stream().anyMatch(c -> c.property().equals(property));
    }

    /**
     * A node property holding the index (from 0) of the node's connected component: {@code strong} components follow
     * the edges' directions both ways, weak ones ignore them.
     */
    public record ComponentMark(String property, boolean strong) {
    }

    /**
     * One table of edges: its rows, and the columns holding each edge's source and target node ids. With
     * {@code mergedWith} (graph-merge ... on), its rows are merged with another graph's edges on keys.
     */
    public record GraphEdges(LogicalOperator rows, String source, String target, Optional<EdgeMerge> mergedWith) {
        public GraphEdges(LogicalOperator rows, String source, String target) {
            this(rows, source, target, Optional.empty());
        }
    }

    /** The right graph's edges of graph-merge ... on, and the key columns that make a left and a right edge one. */
    public record EdgeMerge(LogicalOperator rows, String source, String target, List<MergeKey> keys) {
        public EdgeMerge {
            keys = List.copyOf(keys);
        }
    }

    /** {@code $left.Left == $right.Right} of graph-merge's on. */
    public record MergeKey(String left, String right) {
    }

    /** One table of nodes: its rows, and the column holding each node's id. */
    public record GraphNodes(LogicalOperator rows, String id) {
    }
}
