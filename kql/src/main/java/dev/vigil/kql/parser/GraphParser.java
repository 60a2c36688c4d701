package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.EdgeDirection;
import dev.vigil.kql.syntax.EdgeLength;
import dev.vigil.kql.syntax.EdgePattern;
import dev.vigil.kql.syntax.Expression;
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
import dev.vigil.kql.syntax.NodePattern;
import dev.vigil.kql.syntax.PatternSequence;
import dev.vigil.kql.syntax.QueryOperator;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.TabularExpression;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The graph operators: {@code make-graph}, {@code graph-match} with its pattern, {@code graph-to-table} and {@code graph-merge}. */
final class GraphParser {
    private GraphParser() {
    }

    /** {@code make-graph Source --> Target [with Nodes on Id [, Nodes2 on Id2] | with_node_id = Name]}. */
    static MakeGraphOperator makeGraph(KqlParser parser, Token keyword) {
        Identifier source = parser.identifier("the column of the edges' source node ids");
        Token arrow = parser.current();
        if (!(arrow.is(TokenKind.MINUS) && parser.peek(1).is(TokenKind.MINUS) && parser.peek(2).is(TokenKind.GREATER))) {
            throw new DiagnosticException(DiagnosticFacts.expected("'-->'", KqlParser.describe(arrow)), arrow.span());
        }
        parser.advance();
        parser.advance();
        parser.advance();
        Identifier target = parser.identifier("the column of the edges' target node ids");
        List<GraphNodeTable> nodeTables = new ArrayList<>();
        Optional<Identifier> withNodeId = Optional.empty();
        if (parser.current().isWord("with_node_id") && parser.peek(1).is(TokenKind.ASSIGN)) {
            parser.advance();
            parser.advance();
            withNodeId = Optional.of(parser.identifier("a property name for the node ids"));
        } else if (parser.current().isWord("with")) {
            parser.advance();
            do {
                if (!nodeTables.isEmpty()) {
                    parser.advance();
                }
                Token start = parser.current();
                TabularExpression nodes = JoinParser.right(parser);
                parser.expectWord("on");
                Identifier id = parser.identifier("the column of the nodes' ids");
                nodeTables.add(new GraphNodeTable(nodes, id, start.span().to(id.span())));
            } while (parser.current().is(TokenKind.COMMA));
        }
        Optional<Identifier> partitionedBy = Optional.empty();
        List<QueryOperator> partitionOperators = new ArrayList<>();
        if (parser.current().isWord("partitioned") && parser.peek(1).is(TokenKind.MINUS) && parser.peek(2).isWord("by")) {
            parser.advance();
            parser.advance();
            parser.advance();
            partitionedBy = Optional.of(parser.identifier("the partition column"));
            parser.expect(TokenKind.OPEN_PAREN, "'(' and the graph operators to apply to each partition");
            partitionOperators.add(parser.queryOperator());
            while (parser.current().is(TokenKind.PIPE)) {
                parser.advance();
                partitionOperators.add(parser.queryOperator());
            }
            parser.expect(TokenKind.CLOSE_PAREN, "')'");
        }
        return new MakeGraphOperator(source, target, nodeTables, withNodeId, partitionedBy, partitionOperators,
                keyword.span().to(parser.previous().span()));
    }

    /** {@code graph-match [cycles = all|none|unique_edges] Pattern [where Constraints] project Columns}. */
    static GraphMatchOperator graphMatch(KqlParser parser, Token keyword) {
        Map<String, Token> options = parser.options(List.of("cycles"));
        Optional<Identifier> cycles = Optional.ofNullable(options.get("cycles")).map(t -> new Identifier(t.text(), t.span()));
        List<PatternSequence> pattern = patterns(parser);
        Optional<Expression> where = whereClause(parser);
        parser.expectWord("project");
        List<ColumnAssignment> project = parser.assignments();
        return new GraphMatchOperator(cycles, pattern, where, project, keyword.span().to(KqlParser.last(project).span()));
    }

    /** {@code graph-shortest-paths [output = any|all] Pattern [where Constraints] project Columns}. */
    static GraphShortestPathsOperator graphShortestPaths(KqlParser parser, Token keyword) {
        Map<String, Token> options = parser.options(List.of("output"));
        Optional<Identifier> output = Optional.ofNullable(options.get("output")).map(t -> new Identifier(t.text(), t.span()));
        List<PatternSequence> pattern = patterns(parser);
        Optional<Expression> where = whereClause(parser);
        parser.expectWord("project");
        List<ColumnAssignment> project = parser.assignments();
        return new GraphShortestPathsOperator(output, pattern, where, project, keyword.span().to(KqlParser.last(project).span()));
    }

    /** {@code Pattern [, Pattern ...]}. */
    private static List<PatternSequence> patterns(KqlParser parser) {
        List<PatternSequence> pattern = new ArrayList<>();
        pattern.add(sequence(parser));
        while (parser.current().is(TokenKind.COMMA)) {
            parser.advance();
            pattern.add(sequence(parser));
        }
        return pattern;
    }

    /** {@code [where Constraints]}. */
    private static Optional<Expression> whereClause(KqlParser parser) {
        if (!parser.current().isWord("where")) {
            return Optional.empty();
        }
        parser.advance();
        return Optional.of(parser.expression());
    }

    private static PatternSequence sequence(KqlParser parser) {
        List<NodePattern> nodes = new ArrayList<>();
        List<EdgePattern> edges = new ArrayList<>();
        nodes.add(node(parser));
        while (parser.current().is(TokenKind.MINUS) || parser.current().is(TokenKind.LESS)) {
            edges.add(edge(parser));
            nodes.add(node(parser));
        }
        return new PatternSequence(nodes, edges, nodes.get(0).span().to(KqlParser.last(nodes).span()));
    }

    private static NodePattern node(KqlParser parser) {
        Token open = parser.expect(TokenKind.OPEN_PAREN, "'(' starting a node of the pattern");
        Optional<Identifier> name = Optional.empty();
        if (!parser.current().is(TokenKind.CLOSE_PAREN)) {
            name = Optional.of(parser.identifier("a node variable name or ')'"));
        }
        Token close = parser.expect(TokenKind.CLOSE_PAREN, "')'");
        return new NodePattern(name, open.span().to(close.span()));
    }

    /** {@code -->}, {@code <--}, {@code --}, or the same with {@code [name *min..max]} between the dashes. */
    private static EdgePattern edge(KqlParser parser) {
        Token start = parser.current();
        boolean fromRight = false;
        if (start.is(TokenKind.LESS)) {
            parser.advance();
            fromRight = true;
        }
        parser.expect(TokenKind.MINUS, "'-'");
        Optional<Identifier> name = Optional.empty();
        Optional<EdgeLength> length = Optional.empty();
        if (parser.current().is(TokenKind.OPEN_BRACKET)) {
            parser.advance();
            if (KqlParser.isNameToken(parser.current())) {
                name = Optional.of(parser.identifier("an edge variable name"));
            }
            if (parser.current().is(TokenKind.STAR)) {
                Token star = parser.advance();
                Expression min = parser.expression();
                parser.expect(TokenKind.DOT_DOT, "'..' between the least and the most edges");
                Expression max = parser.expression();
                length = Optional.of(new EdgeLength(min, max, star.span().to(max.span())));
            }
            parser.expect(TokenKind.CLOSE_BRACKET, "']'");
        }
        parser.expect(TokenKind.MINUS, "'-'");
        boolean toRight = false;
        if (parser.current().is(TokenKind.GREATER)) {
            parser.advance();
            toRight = true;
        }
        Span span = start.span().to(parser.previous().span());
        if (fromRight && toRight) {
            throw new DiagnosticException(DiagnosticFacts.graphEdgeBothWays(), span);
        }
        EdgeDirection direction = toRight ? EdgeDirection.LEFT_TO_RIGHT : fromRight ? EdgeDirection.RIGHT_TO_LEFT : EdgeDirection.ANY;
        return new EdgePattern(name, direction, length, span);
    }

    /** {@code graph-to-table nodes [as N] [with_node_id=C]} and/or {@code edges [as E] [with_source_id=C] [with_target_id=C]}. */
    static GraphToTableOperator graphToTable(KqlParser parser, Token keyword) {
        List<GraphTableOutput> outputs = new ArrayList<>();
        outputs.add(output(parser));
        while (parser.current().is(TokenKind.COMMA)) {
            parser.advance();
            outputs.add(output(parser));
        }
        return new GraphToTableOperator(outputs, keyword.span().to(parser.previous().span()));
    }

    private static GraphTableOutput output(KqlParser parser) {
        Token kind = parser.current();
        if (!kind.isWord("nodes") && !kind.isWord("edges")) {
            throw new DiagnosticException(DiagnosticFacts.expected("'nodes' or 'edges'", KqlParser.describe(kind)), kind.span());
        }
        parser.advance();
        boolean nodes = kind.isWord("nodes");
        Optional<Identifier> name = Optional.empty();
        Optional<Identifier> nodeId = Optional.empty();
        Optional<Identifier> sourceId = Optional.empty();
        Optional<Identifier> targetId = Optional.empty();
        while (true) {
            Token current = parser.current();
            if (current.isWord("as") && name.isEmpty()) {
                parser.advance();
                name = Optional.of(parser.identifier("a table name"));
            } else if (nodes && current.isWord("with_node_id") && parser.peek(1).is(TokenKind.ASSIGN) && nodeId.isEmpty()) {
                nodeId = Optional.of(optionValue(parser));
            } else if (!nodes && current.isWord("with_source_id") && parser.peek(1).is(TokenKind.ASSIGN) && sourceId.isEmpty()) {
                sourceId = Optional.of(optionValue(parser));
            } else if (!nodes && current.isWord("with_target_id") && parser.peek(1).is(TokenKind.ASSIGN) && targetId.isEmpty()) {
                targetId = Optional.of(optionValue(parser));
            } else {
                break;
            }
        }
        return new GraphTableOutput(nodes, name, nodeId, sourceId, targetId, kind.span().to(parser.previous().span()));
    }

    private static Identifier optionValue(KqlParser parser) {
        parser.advance();
        parser.advance();
        return parser.identifier("a column name");
    }

    /** {@code graph-mark-components [kind = weak|strong] [with_component_id = Name]}. */
    static GraphMarkComponentsOperator graphMarkComponents(KqlParser parser, Token keyword) {
        Map<String, Token> options = parser.options(List.of("kind", "with_component_id"));
        Optional<Identifier> kind = Optional.ofNullable(options.get("kind")).map(t -> new Identifier(t.text(), t.span()));
        Optional<Identifier> name = Optional.ofNullable(options.get("with_component_id")).map(t -> new Identifier(t.value(), t.span()));
        return new GraphMarkComponentsOperator(kind, name, keyword.span().to(parser.previous().span()));
    }

    /** {@code graph-merge RightGraph [on Column | $left.A == $right.B, ...]}. */
    static GraphMergeOperator graphMerge(KqlParser parser, Token keyword) {
        TabularExpression right = JoinParser.right(parser);
        List<JoinCondition> conditions = parser.current().isWord("on") ? JoinParser.conditions(parser) : List.of();
        return new GraphMergeOperator(right, conditions, keyword.span().to(parser.previous().span()));
    }
}
