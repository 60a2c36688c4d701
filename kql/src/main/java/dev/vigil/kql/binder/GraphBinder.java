package dev.vigil.kql.binder;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.Graph;
import dev.vigil.kql.plan.GraphToTable;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.GraphMatchOperator;
import dev.vigil.kql.syntax.GraphMarkComponentsOperator;
import dev.vigil.kql.syntax.GraphMergeOperator;
import dev.vigil.kql.syntax.GraphShortestPathsOperator;
import dev.vigil.kql.syntax.GraphNodeTable;
import dev.vigil.kql.syntax.GraphTableOutput;
import dev.vigil.kql.syntax.GraphToTableOperator;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.JoinCondition;
import dev.vigil.kql.syntax.MakeGraphOperator;
import dev.vigil.kql.syntax.QueryOperator;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code make-graph}, {@code graph-merge} and {@code graph-to-table}: a graph is built while the query compiles (its
 * edge and node tables kept as plans) and only the operators that read it become SQL ({@code graph-match} is
 * {@link GraphMatchBinder}'s).
 */
final class GraphBinder {
    /** The node property graph-mark-components adds when not told a name. */
    static final String DEFAULT_COMPONENT_ID = "ComponentId";

    private GraphBinder() {
    }

    /**
     * {@code Edges | make-graph Source --> Target [with Nodes on Id, ... | with_node_id = Name] [partitioned-by Column (Operators)]}:
     * the graph, or with partitioned-by what the operators in parentheses make of the graph of each partition.
     */
    static PipeValue makeGraph(MakeGraphOperator make, LogicalOperator edges, Environment environment) {
        Graph graph = graph(make, edges, environment);
        if (make.partitionedBy().isEmpty()) {
            return PipeValue.of(graph);
        }
        PipeValue value = PipeValue.of(graph);
        for (QueryOperator operator : make.partitionOperators()) {
            // after a graph operator that gives a table, the operators in parentheses go on over the table
            value = value.graph().isPresent() ? afterGraph(operator, value.graph().get(), environment)
                    : PipeValue.of(Binder.bindOperator(operator, value.table().get(), environment));
        }
        return value;
    }

    private static Graph graph(MakeGraphOperator make, LogicalOperator edges, Environment environment) {
        KqlType idType = column(edges, make.source()).type();
        KqlType targetType = column(edges, make.target()).type();
        if (targetType != idType) {
            throw new DiagnosticException(DiagnosticFacts.graphNodeIdType(make.target().name(), targetType, idType), make.target().span());
        }
        List<Graph.GraphNodes> nodes = new ArrayList<>();
        Set<String> idProperties = new HashSet<>();
        List<ColumnSchema> nodeProperties = new ArrayList<>();
        for (GraphNodeTable table : make.nodeTables()) {
            LogicalOperator rows = TabularBinder.bind(table.nodes(), environment);
            KqlType type = column(rows, table.id()).type();
            if (type != idType) {
                throw new DiagnosticException(DiagnosticFacts.graphNodeIdType(table.id().name(), type, idType), table.id().span());
            }
            if (make.partitionedBy().isPresent()) {
                ColumnSchema partition = column(edges, make.partitionedBy().get());
                KqlType nodePartition = column(rows, new Identifier(partition.name(), table.span())).type();
                if (nodePartition != partition.type()) {
                    throw new DiagnosticException(DiagnosticFacts.graphPropertyType(partition.name(), partition.type(), nodePartition), table.span());
                }
            }
            nodes.add(new Graph.GraphNodes(rows, table.id().name()));
            idProperties.add(table.id().name());
            addProperties(nodeProperties, rows.schema(), table.span());
        }
        make.withNodeId().ifPresent(name -> {
            idProperties.add(name.name());
            nodeProperties.add(new ColumnSchema(name.name(), idType));
        });
        Optional<String> partition = Optional.empty();
        if (make.partitionedBy().isPresent()) {
            ColumnSchema column = column(edges, make.partitionedBy().get());
            partition = Optional.of(column.name());
            // a node belongs to its partition's graph, so it has the partition's value, found in the edges too
            addProperties(nodeProperties, List.of(column), make.partitionedBy().get().span());
        }
        return new Graph(List.of(new Graph.GraphEdges(edges, make.source().name(), make.target().name())), nodes, idProperties, idType,
                edges.schema(), nodeProperties, List.of(), partition);
    }

    /** The operator after a graph: graph-match and graph-to-table give tables, graph-merge a graph; any other is an error. */
    static PipeValue afterGraph(QueryOperator operator, Graph graph, Environment environment) {
        if (operator instanceof GraphMatchOperator match) {
            return PipeValue.of(GraphMatchBinder.bind(match, graph, environment));
        }
        if (operator instanceof GraphToTableOperator toTable) {
            if (toTable.outputs().size() != 1) {
                throw new DiagnosticException(DiagnosticFacts.severalResults("graph-to-table with nodes and edges"), toTable.span());
            }
            return PipeValue.of(table(toTable.outputs().get(0), graph, environment));
        }
        if (operator instanceof GraphShortestPathsOperator shortest) {
            return PipeValue.of(GraphMatchBinder.bindShortestPaths(shortest, graph, environment));
        }
        if (operator instanceof GraphMergeOperator merge) {
            return PipeValue.of(merge(merge, graph, environment));
        }
        if (operator instanceof GraphMarkComponentsOperator mark) {
            return PipeValue.of(markComponents(mark, graph));
        }
        throw new DiagnosticException(DiagnosticFacts.graphNotFollowed(), operator.span());
    }

    /** {@code graph-to-table nodes as N ..., edges as E ...} at the end of a tabular statement: a result per table, in order. */
    static List<StatementResult> tables(GraphToTableOperator toTable, PipeValue input, Environment environment) {
        Graph graph = input.graph().orElseThrow(() -> new DiagnosticException(DiagnosticFacts.graphExpected("graph-to-table"), toTable.span()));
        List<GraphTableOutput> outputs = toTable.outputs();
        if (outputs.size() != 2 || outputs.get(0).nodes() == outputs.get(1).nodes()) {
            throw new DiagnosticException(DiagnosticFacts.graphTableOutputs(), toTable.span());
        }
        List<StatementResult> results = new ArrayList<>();
        for (GraphTableOutput output : outputs) {
            // an unnamed table takes the query's Table_N, as fork's do
            results.add(StatementResult.part(output.name().map(Identifier::name), table(output, graph, environment)));
        }
        return results;
    }

    private static LogicalOperator table(GraphTableOutput output, Graph graph, Environment environment) {
        if (output.nodes() && graph.nodeProperties().isEmpty() && output.nodeId().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.graphNodesWithoutProperties(), output.span());
        }
        LogicalOperator table = new GraphToTable(graph, output.nodes(), output.nodeId().map(Identifier::name),
                output.sourceId().map(Identifier::name), output.targetId().map(Identifier::name));
        output.name().ifPresent(name -> environment.define(name.name(), new Symbol.Tabular(table)));
        return table;
    }

    /**
     * {@code graph-merge Right [on Conditions]}: both graphs' nodes (one per id, properties merged by name) and their edges,
     * all of them, or with conditions a left and a right edge that meet them as one edge.
     */
    private static Graph merge(GraphMergeOperator merge, Graph left, Environment environment) {
        Graph right = TabularBinder.value(merge.right(), environment).graph()
                .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.graphExpected("graph-merge"), merge.right().span()));
        if (left.partition().isPresent() || right.partition().isPresent()) {
            throw new DiagnosticException(DiagnosticFacts.graphMergeOfPartitions(), merge.span());
        }
        if (!left.components().isEmpty() || !right.components().isEmpty()) {
            // the components of either graph say nothing of the merged graph's
            throw new DiagnosticException(DiagnosticFacts.graphMergeOfComponents(), merge.span());
        }
        if (right.nodeIdType() != left.nodeIdType()) {
            throw new DiagnosticException(DiagnosticFacts.graphNodeIdType("the merged graph",
                    right.nodeIdType(), left.nodeIdType()), merge.right().span());
        }
        List<Graph.GraphEdges> edges = new ArrayList<>(left.edges());
        if (merge.conditions().isEmpty()) {
            edges.addAll(right.edges());
        } else {
            edges = List.of(mergedEdges(merge, left, right));
        }
        List<Graph.GraphNodes> nodes = new ArrayList<>(left.nodes());
        nodes.addAll(right.nodes());
        Set<String> idProperties = new HashSet<>(left.nodeIdProperties());
        idProperties.addAll(right.nodeIdProperties());
        List<ColumnSchema> edgeProperties = new ArrayList<>(left.edgeProperties());
        addProperties(edgeProperties, right.edgeProperties(), merge.right().span());
        List<ColumnSchema> nodeProperties = new ArrayList<>(left.nodeProperties());
        addProperties(nodeProperties, right.nodeProperties(), merge.right().span());
        return new Graph(edges, nodes, idProperties, left.nodeIdType(), edgeProperties, nodeProperties, List.of(), Optional.empty());
    }

    /** The edges of graph-merge ... on: one table, the left graph's edges merged with the right's on the conditions. */
    private static Graph.GraphEdges mergedEdges(GraphMergeOperator merge, Graph left, Graph right) {
        Span conditions = merge.conditions().get(0).span().to(merge.conditions().get(merge.conditions().size() - 1).span());
        if (left.edges().size() != 1 || right.edges().size() != 1 || left.edges().get(0).mergedWith().isPresent()
                || right.edges().get(0).mergedWith().isPresent()) {
            throw new DiagnosticException(DiagnosticFacts.graphMergeOnUnsupported(), conditions);
        }
        Graph.GraphEdges leftEdges = left.edges().get(0);
        Graph.GraphEdges rightEdges = right.edges().get(0);
        List<Graph.MergeKey> keys = new ArrayList<>();
        for (JoinCondition condition : merge.conditions()) {
            ColumnSchema leftColumn = column(leftEdges.rows(), condition.left());
            ColumnSchema rightColumn = column(rightEdges.rows(), condition.right());
            if (leftColumn.type() != rightColumn.type()) {
                throw new DiagnosticException(DiagnosticFacts.graphPropertyType(leftColumn.name(), leftColumn.type(), rightColumn.type()),
                        condition.span());
            }
            keys.add(new Graph.MergeKey(leftColumn.name(), rightColumn.name()));
        }
        return new Graph.GraphEdges(leftEdges.rows(), leftEdges.source(), leftEdges.target(),
                Optional.of(new Graph.EdgeMerge(rightEdges.rows(), rightEdges.source(), rightEdges.target(), keys)));
    }

    /** {@code graph-mark-components [kind = weak|strong] [with_component_id = Name]}: a long node property, ComponentId by default. */
    private static Graph markComponents(GraphMarkComponentsOperator mark, Graph graph) {
        boolean strong = false;
        if (mark.kind().isPresent()) {
            switch (mark.kind().get().name().toLowerCase(java.util.Locale.ROOT)) {
                case "weak": break;
                case "strong": strong = true; break;
                default: throw new DiagnosticException(DiagnosticFacts.graphComponentKind(mark.kind().get().name()), mark.kind().get().span());
            }
        }
        String property = mark.componentId().map(Identifier::name).orElse(DEFAULT_COMPONENT_ID);
        if (graph.nodeProperties().stream().anyMatch(p -> p.name().equals(property))) {
            throw new DiagnosticException(DiagnosticFacts.duplicateColumn(property), mark.componentId().map(Identifier::span).orElse(mark.span()));
        }
        return graph.withComponents(new Graph.ComponentMark(property, strong));
    }

    /** Adds the columns not yet among {@code properties}; one of the same name must have the same type. */
    private static void addProperties(List<ColumnSchema> properties, List<ColumnSchema> columns, Span at) {
        for (ColumnSchema column : columns) {
            Optional<ColumnSchema> existing = properties.stream().filter(p -> p.name().equals(column.name())).findFirst();
            if (existing.isEmpty()) {
                properties.add(column);
            } else if (existing.get().type() != column.type()) {
                throw new DiagnosticException(DiagnosticFacts.graphPropertyType(column.name(), existing.get().type(), column.type()), at);
            }
        }
    }

    private static ColumnSchema column(LogicalOperator rows, Identifier name) {
        return rows.schema().stream().filter(c -> c.name().equals(name.name())).findFirst()
                .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.unknownColumn(name.name()), name.span()));
    }
}
