package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.bound.BoundPathElements;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.parser.TabularOperators;
import dev.vigil.kql.plan.Filter;
import dev.vigil.kql.plan.Graph;
import dev.vigil.kql.plan.GraphCycles;
import dev.vigil.kql.plan.GraphMatch;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.plan.ShortestPaths;
import dev.vigil.kql.syntax.BinaryExpression;
import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.EdgeLength;
import dev.vigil.kql.syntax.EdgePattern;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.GraphMatchOperator;
import dev.vigil.kql.syntax.GraphShortestPathsOperator;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.NameReference;
import dev.vigil.kql.syntax.NodePattern;
import dev.vigil.kql.syntax.PatternSequence;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code graph-match}: the pattern becomes a {@link GraphMatch} (a row per match), its {@code where} a {@link Filter}
 * over it and its {@code project} a {@link Project}. A property of a node or plain edge is {@code variable.property};
 * an expression reading a variable-length edge's properties outside {@code all()}, {@code any()} and {@code map()} is
 * evaluated per edge of it: in {@code where} it must hold for each edge (so it filters the edges paths are made of),
 * in {@code project} it gives the array of its values.
 */
final class GraphMatchBinder {
    private final Graph graph;
    private final Environment environment;
    private final List<GraphMatch.MatchNode> nodes = new ArrayList<>();
    private final Map<String, Integer> nodeIndexes = new HashMap<>();
    private final List<PendingEdge> edges = new ArrayList<>();
    private final Map<String, Integer> variableEdges = new LinkedHashMap<>();
    private final Set<String> plainEdges = new LinkedHashSet<>();

    private GraphMatchBinder(Graph graph, Environment environment) {
        this.graph = graph;
        this.environment = environment;
    }

    /** A pattern edge before its where conditions are known. */
    private record PendingEdge(Optional<String> variable, int left, int right, GraphMatch.Direction direction, boolean variableLength,
                               int min, int max) {
    }

    static LogicalOperator bind(GraphMatchOperator match, Graph graph, Environment environment) {
        return new GraphMatchBinder(graph, environment).bind(cycles(match.cycles()), match.pattern(), match.where(), match.project(),
                Optional.empty());
    }

    /**
     * {@code graph-shortest-paths}: the matches of its one-sequence pattern (no edge used twice), of which the fewest
     * edges long per pair of first and last node are kept.
     */
    static LogicalOperator bindShortestPaths(GraphShortestPathsOperator shortest, Graph graph, Environment environment) {
        boolean all = false;
        if (shortest.output().isPresent()) {
            switch (shortest.output().get().name().toLowerCase(Locale.ROOT)) {
                case "any": break;
                case "all": all = true; break;
                default: throw new DiagnosticException(DiagnosticFacts.graphShortestPathsOutput(shortest.output().get().name()),
                        shortest.output().get().span());
            }
        }
        boolean variableLength = shortest.pattern().stream().flatMap(s -> s.edges().stream()).anyMatch(e -> e.length().isPresent());
        if (shortest.pattern().size() != 1 || !variableLength) {
            throw new DiagnosticException(DiagnosticFacts.graphShortestPathsPattern(),
                    shortest.pattern().get(0).span().to(shortest.pattern().get(shortest.pattern().size() - 1).span()));
        }
        return new GraphMatchBinder(graph, environment).bind(GraphCycles.UNIQUE_EDGES, shortest.pattern(), shortest.where(), shortest.project(),
                Optional.of(all));
    }

    /** {@code shortestAll}: present for graph-shortest-paths, true for output=all. */
    private LogicalOperator bind(GraphCycles cycles, List<PatternSequence> pattern, Optional<Expression> where, List<ColumnAssignment> project,
                                 Optional<Boolean> shortestAll) {
        List<Integer> firstSequence = new ArrayList<>();
        for (PatternSequence sequence : pattern) {
            List<Integer> indexes = sequence(sequence);
            if (firstSequence.isEmpty()) {
                firstSequence.addAll(indexes);
            }
        }
        checkConnected(pattern);
        Set<String> others = new HashSet<>(nodeIndexes.keySet());
        others.addAll(plainEdges);

        Scope rows = rowScope();
        List<BoundExpression> conditions = new ArrayList<>();
        Map<Integer, BoundExpression> edgeFilters = new HashMap<>();
        if (where.isPresent()) {
            for (Expression conjunct : conjuncts(where.get())) {
                PatternReferences references = PatternReferences.of(conjunct, variableEdges.keySet(), others);
                Optional<String> edge = perEdge(conjunct, references);
                BoundExpression condition = ExpressionBinder.bindScalar(conjunct, edge.isPresent() ? edgeScope(edge.get()) : rows);
                if (condition.type() != KqlType.BOOL) {
                    throw new DiagnosticException(DiagnosticFacts.typeExpected(KqlType.BOOL, condition.type()), conjunct.span());
                }
                if (edge.isPresent()) {
                    edgeFilters.merge(variableEdges.get(edge.get()), condition,
                            (a, b) -> ExpressionBinder.operator(BinaryOperator.AND, conjunct.span(), a, b));
                } else {
                    conditions.add(condition);
                }
            }
        }
        List<GraphMatch.MatchEdge> matchEdges = new ArrayList<>();
        for (int k = 0; k < edges.size(); k++) {
            PendingEdge edge = edges.get(k);
            matchEdges.add(new GraphMatch.MatchEdge(edge.variable(), edge.left(), edge.right(), edge.direction(), edge.variableLength(),
                    edge.min(), edge.max(), Optional.ofNullable(edgeFilters.get(k))));
        }
        Optional<GraphMatch.PathEnds> ends = shortestAll.map(a -> new GraphMatch.PathEnds(firstSequence.get(0),
                firstSequence.get(firstSequence.size() - 1)));
        KqlType partitionType = graph.partition()
                .flatMap(p -> graph.edgeProperties().stream().filter(c -> c.name().equals(p)).findFirst().map(ColumnSchema::type))
                .orElse(KqlType.INT);
        LogicalOperator current = new GraphMatch(graph, nodes, matchEdges, cycles, ends, partitionType);
        if (!conditions.isEmpty()) {
            BoundExpression predicate = conditions.get(0);
            for (BoundExpression condition : conditions.subList(1, conditions.size())) {
                predicate = ExpressionBinder.operator(BinaryOperator.AND, where.get().span(), predicate, condition);
            }
            current = new Filter(current, predicate);
        }
        if (shortestAll.isPresent()) {
            current = new ShortestPaths(current, shortestAll.get());
        }

        ColumnNames names = new ColumnNames();
        List<OutputColumn> columns = new ArrayList<>();
        for (ColumnAssignment assignment : project) {
            if (!assignment.tupleNames().isEmpty()) {
                throw new DiagnosticException(DiagnosticFacts.expected("Column = Expression", "(...) ="), assignment.span());
            }
            Expression expression = assignment.expression();
            Optional<String> edge = perEdge(expression, PatternReferences.of(expression, variableEdges.keySet(), others));
            BoundExpression value = edge.isPresent()
                    ? new BoundPathElements(GraphMatch.edgeList(edge.get()), ExpressionBinder.bindScalar(expression, edgeScope(edge.get())),
                            BoundPathElements.Combination.MAP)
                    : ExpressionBinder.bindScalar(expression, rows);
            String name = ProjectBinder.outputName(assignment, names);
            columns.add(new OutputColumn(name, value));
        }
        return new Project(current, columns);
    }

    private static GraphCycles cycles(Optional<Identifier> option) {
        if (option.isEmpty()) {
            return GraphCycles.UNIQUE_EDGES;
        }
        switch (option.get().name().toLowerCase(Locale.ROOT)) {
            case "all": return GraphCycles.ALL;
            case "none": return GraphCycles.NONE;
            case "unique_edges": return GraphCycles.UNIQUE_EDGES;
            default: throw new DiagnosticException(DiagnosticFacts.graphCyclesOption(option.get().name()), option.get().span());
        }
    }

    // --- the pattern

    /** Adds a sequence's nodes and edges; returns the indexes of its nodes, in order. */
    private List<Integer> sequence(PatternSequence sequence) {
        List<Integer> indexes = new ArrayList<>();
        for (NodePattern node : sequence.nodes()) {
            indexes.add(node(node));
        }
        for (int i = 0; i < sequence.edges().size(); i++) {
            edge(sequence.edges().get(i), indexes.get(i), indexes.get(i + 1));
        }
        return indexes;
    }

    private int node(NodePattern node) {
        if (node.name().isEmpty()) {
            nodes.add(new GraphMatch.MatchNode(Optional.empty()));
            return nodes.size() - 1;
        }
        Identifier name = node.name().get();
        if (variableEdges.containsKey(name.name()) || plainEdges.contains(name.name())) {
            throw new DiagnosticException(DiagnosticFacts.graphVariableKinds(name.name()), name.span());
        }
        return nodeIndexes.computeIfAbsent(name.name(), n -> {
            nodes.add(new GraphMatch.MatchNode(Optional.of(n)));
            return nodes.size() - 1;
        });
    }

    private void edge(EdgePattern edge, int left, int right) {
        if (edge.name().isPresent()) {
            Identifier name = edge.name().get();
            if (nodeIndexes.containsKey(name.name())) {
                throw new DiagnosticException(DiagnosticFacts.graphVariableKinds(name.name()), name.span());
            }
            if (variableEdges.containsKey(name.name()) || plainEdges.contains(name.name())) {
                throw new DiagnosticException(DiagnosticFacts.graphEdgeVariableTwice(name.name()), name.span());
            }
            if (edge.length().isPresent()) {
                variableEdges.put(name.name(), edges.size());
            } else {
                plainEdges.add(name.name());
            }
        }
        GraphMatch.Direction direction;
        switch (edge.direction()) {
            case LEFT_TO_RIGHT: direction = GraphMatch.Direction.LEFT_TO_RIGHT; break;
            case RIGHT_TO_LEFT: direction = GraphMatch.Direction.RIGHT_TO_LEFT; break;
            default: direction = GraphMatch.Direction.ANY;
        }
        Optional<String> variable = edge.name().map(Identifier::name);
        if (edge.length().isEmpty()) {
            edges.add(new PendingEdge(variable, left, right, direction, false, 1, 1));
            return;
        }
        EdgeLength length = edge.length().get();
        int min = constant(length.min(), length);
        int max = constant(length.max(), length);
        if (min > max) {
            throw new DiagnosticException(DiagnosticFacts.graphEdgeLength(), length.span());
        }
        if (max > TabularOperators.GRAPH_MAX_PATH_LENGTH) {
            throw new DiagnosticException(DiagnosticFacts.graphEdgeTooLong(TabularOperators.GRAPH_MAX_PATH_LENGTH), length.max().span());
        }
        edges.add(new PendingEdge(variable, left, right, direction, true, min, max));
    }

    private int constant(Expression bound, EdgeLength length) {
        BoundExpression value = ExpressionBinder.bindScalar(bound, Scope.of(List.of(), environment));
        if (!(value instanceof BoundLiteral literal) || literal.value().isEmpty()
                || !(literal.type() == KqlType.LONG || literal.type() == KqlType.INT)) {
            throw new DiagnosticException(DiagnosticFacts.graphEdgeLength(), bound.span());
        }
        long number = ((Number) literal.value().get()).longValue();
        if (number < 0 || number > Integer.MAX_VALUE) {
            throw new DiagnosticException(DiagnosticFacts.graphEdgeLength(), bound.span());
        }
        return (int) number;
    }

    /** Sequences must be linked through shared node variables into one pattern. */
    private static void checkConnected(List<PatternSequence> pattern) {
        if (pattern.size() < 2) {
            return;
        }
        List<Set<String>> variables = new ArrayList<>();
        for (PatternSequence sequence : pattern) {
            Set<String> names = new HashSet<>();
            sequence.nodes().forEach(n -> n.name().ifPresent(name -> names.add(name.name())));
            variables.add(names);
        }
        Set<String> reached = new HashSet<>(variables.get(0));
        Set<Integer> joined = new HashSet<>(List.of(0));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 1; i < pattern.size(); i++) {
                if (!joined.contains(i) && variables.get(i).stream().anyMatch(reached::contains)) {
                    joined.add(i);
                    reached.addAll(variables.get(i));
                    grew = true;
                }
            }
        }
        for (int i = 1; i < pattern.size(); i++) {
            if (!joined.contains(i)) {
                throw new DiagnosticException(DiagnosticFacts.graphPatternNotConnected(), pattern.get(i).span());
            }
        }
    }

    // --- expressions

    private static List<Expression> conjuncts(Expression expression) {
        List<Expression> conjuncts = new ArrayList<>();
        if (expression instanceof BinaryExpression binary && binary.operator() == BinaryOperator.AND) {
            conjuncts.addAll(conjuncts(binary.left()));
            conjuncts.addAll(conjuncts(binary.right()));
        } else {
            conjuncts.add(expression);
        }
        return conjuncts;
    }

    /** The variable-length edge the expression is evaluated per edge of, if it reads one; it may read no other variable then. */
    private static Optional<String> perEdge(Expression expression, PatternReferences references) {
        if (references.edgesRead().isEmpty()) {
            return Optional.empty();
        }
        if (references.edgesRead().size() > 1 || references.othersRead()) {
            throw new DiagnosticException(DiagnosticFacts.graphEdgeListMixed(references.edgesRead().iterator().next()), expression.span());
        }
        return Optional.of(references.edgesRead().iterator().next());
    }

    /** The scope of an expression per match: each named node's and plain edge's properties as {@code variable.property}. */
    private Scope rowScope() {
        Scope scope = Scope.of(List.of(), environment);
        for (String node : nodeIndexes.keySet()) {
            for (ColumnSchema property : graph.nodeProperties()) {
                scope.defineQualified(node, property.name(), new BoundColumn(GraphMatch.propertyColumn(node, property.name()), property.type()));
            }
            scope.closeQualifier(node);
        }
        for (String edge : plainEdges) {
            for (ColumnSchema property : graph.edgeProperties()) {
                scope.defineQualified(edge, property.name(), new BoundColumn(GraphMatch.propertyColumn(edge, property.name()), property.type()));
            }
            scope.closeQualifier(edge);
        }
        return scope.withGraphCalls(this::rowCall);
    }

    /** The scope of an expression per edge of variable-length edge {@code edge}: its properties as {@code edge.property}. */
    private Scope edgeScope(String edge) {
        Scope scope = Scope.of(List.of(), environment);
        for (ColumnSchema property : graph.edgeProperties()) {
            scope.defineQualified(edge, property.name(), new BoundColumn(property.name(), property.type()));
        }
        scope.closeQualifier(edge);
        return scope.withGraphCalls(call -> {
            if (call.name().equals("inner_nodes")) {
                throw new DiagnosticException(DiagnosticFacts.graphInnerNodesPlace(), call.span());
            }
            if (PatternReferences.PATH_FUNCTIONS.contains(call.name())) {
                throw new DiagnosticException(DiagnosticFacts.graphEdgeListMixed(edge), call.span());
            }
            return labels(call);
        });
    }

    /** The scope of the condition or expression of all(), any() or map(): an element's properties by their names. */
    private Scope elementScope(List<ColumnSchema> properties) {
        return Scope.of(properties, environment).withGraphCalls(GraphMatchBinder::labels);
    }

    private Optional<BoundExpression> rowCall(FunctionCall call) {
        String name = call.name();
        if (PatternReferences.PATH_FUNCTIONS.contains(name)) {
            if (call.arguments().size() != 2) {
                throw new DiagnosticException(DiagnosticFacts.argumentCount(name, List.of(2)), call.span());
            }
            return Optional.of(pathCall(call));
        }
        if (name.equals("inner_nodes")) {
            throw new DiagnosticException(DiagnosticFacts.graphInnerNodesPlace(), call.span());
        }
        if (name.equals("node_degree_in") || name.equals("node_degree_out")) {
            if (call.arguments().size() != 1 || !(call.arguments().get(0) instanceof NameReference node)
                    || !nodeIndexes.containsKey(node.name())) {
                throw new DiagnosticException(DiagnosticFacts.graphNodeFunctionTarget(name), call.span());
            }
            return Optional.of(new BoundColumn(GraphMatch.degreeColumn(node.name(), name.equals("node_degree_in")), KqlType.LONG));
        }
        return labels(call);
    }

    /** all(), any() or map() over a variable-length edge's edges, or over its inner nodes. */
    private BoundExpression pathCall(FunctionCall call) {
        Expression target = call.arguments().get(0);
        String list;
        List<ColumnSchema> properties;
        if (target instanceof NameReference edge && variableEdges.containsKey(edge.name())) {
            list = GraphMatch.edgeList(edge.name());
            properties = graph.edgeProperties();
        } else if (target instanceof FunctionCall inner && inner.name().equals("inner_nodes") && inner.arguments().size() == 1
                && inner.arguments().get(0) instanceof NameReference edge && variableEdges.containsKey(edge.name())) {
            list = GraphMatch.innerNodeList(edge.name());
            properties = graph.nodeProperties();
        } else {
            throw new DiagnosticException(DiagnosticFacts.graphFunctionTarget(call.name()), target.span());
        }
        Expression body = call.arguments().get(1);
        BoundExpression element = ExpressionBinder.bindScalar(body, elementScope(properties));
        BoundPathElements.Combination combination;
        switch (call.name()) {
            case "all": combination = BoundPathElements.Combination.ALL; break;
            case "any": combination = BoundPathElements.Combination.ANY; break;
            default: combination = BoundPathElements.Combination.MAP;
        }
        if (combination != BoundPathElements.Combination.MAP && element.type() != KqlType.BOOL) {
            throw new DiagnosticException(DiagnosticFacts.typeExpected(KqlType.BOOL, element.type()), body.span());
        }
        return new BoundPathElements(list, element, combination);
    }

    /** labels(): graphs made by make-graph have no labels, so always an empty array, as Kusto gives for them. */
    private static Optional<BoundExpression> labels(FunctionCall call) {
        if (!call.name().equals("labels")) {
            return Optional.empty();
        }
        if (call.arguments().size() > 1) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount("labels", List.of(0, 1)), call.span());
        }
        return Optional.of(BoundLiteral.of("[]", KqlType.DYNAMIC));
    }
}
