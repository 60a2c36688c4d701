package dev.vigil.kql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.Compilation;
import dev.vigil.kql.Explanation;
import dev.vigil.kql.CompileOptions;
import dev.vigil.kql.Kql;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.kql.syntax.EdgeDirection;
import dev.vigil.kql.syntax.EdgePattern;
import dev.vigil.kql.syntax.GraphMatchOperator;
import dev.vigil.kql.syntax.GraphTableOutput;
import dev.vigil.kql.syntax.GraphToTableOperator;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.LiteralExpression;
import dev.vigil.kql.syntax.MakeGraphOperator;
import dev.vigil.kql.syntax.PatternSequence;
import dev.vigil.kql.syntax.PipeExpression;
import dev.vigil.kql.syntax.QueryStatement;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.types.KqlType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The graph operators' syntax: make-graph, graph-match patterns, graph-to-table; and their errors, each at its position. */
class TestGraphPatternParsing {
    private static final Catalog CATALOG = Catalog.of(List.of(new TableSchema("E", List.of("E"), List.of(
            new ColumnSchema("Src", KqlType.STRING), new ColumnSchema("Dst", KqlType.STRING), new ColumnSchema("Id", KqlType.LONG)))));

    private static PipeExpression pipe(String query) {
        return ((QueryStatement) KqlParser.parse(query).statements().get(0)).pipe();
    }

    private static List<String> errors(String query) {
        Compilation compilation = Kql.compile(query, CATALOG, CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z")));
        return compilation.errors().stream().map(e -> e.code() + " " + e.line() + ":" + e.column()).toList();
    }

    @Test
    void testMakeGraphReadsTheArrowAndTheNodeTables() {
        MakeGraphOperator make = (MakeGraphOperator) pipe("E | make-graph Src --> Dst with N1 on Id, (N2 | where x) on Key").operators().get(0);

        assertThat(make.source()).isEqualTo(new Identifier("Src", new Span(15, 3)));
        assertThat(make.target()).isEqualTo(new Identifier("Dst", new Span(23, 3)));
        assertThat(make.nodeTables()).extracting(t -> t.id().name()).containsExactly("Id", "Key");
        assertThat(make.withNodeId()).isEmpty();
    }

    @Test
    void testMakeGraphWithNodeIdNamesTheProperty() {
        MakeGraphOperator make = (MakeGraphOperator) pipe("E | make-graph Src --> Dst with_node_id=name").operators().get(0);

        assertThat(make.withNodeId()).contains(new Identifier("name", new Span(40, 4)));
        assertThat(make.nodeTables()).isEmpty();
    }

    @Test
    void testPatternEdgesKeepTheirDirectionNameAndLength() {
        GraphMatchOperator match = (GraphMatchOperator) pipe("G | graph-match cycles=none (a)-[e]->(b)<--(c)--(d)-[p*1..3]-(), (b)<-[f*0..2]-(a) "
                + "where a.x == 1 project a.x").operators().get(0);

        assertThat(match.cycles()).map(Identifier::name).contains("none");
        assertThat(match.pattern()).hasSize(2);
        PatternSequence first = match.pattern().get(0);
        assertThat(first.nodes()).extracting(n -> n.name().map(Identifier::name).orElse("")).containsExactly("a", "b", "c", "d", "");
        assertThat(first.edges()).extracting(EdgePattern::direction)
                .containsExactly(EdgeDirection.LEFT_TO_RIGHT, EdgeDirection.RIGHT_TO_LEFT, EdgeDirection.ANY, EdgeDirection.ANY);
        assertThat(first.edges().get(0).name()).map(Identifier::name).contains("e");
        assertThat(first.edges().get(1).name()).isEmpty();
        EdgePattern variable = first.edges().get(3);
        assertThat(variable.length()).isPresent();
        assertThat(((LiteralExpression) variable.length().get().min()).value()).isEqualTo(1L);
        assertThat(((LiteralExpression) variable.length().get().max()).value()).isEqualTo(3L);
        EdgePattern backwards = match.pattern().get(1).edges().get(0);
        assertThat(backwards.direction()).isEqualTo(EdgeDirection.RIGHT_TO_LEFT);
        assertThat(backwards.name()).map(Identifier::name).contains("f");
        assertThat(match.where()).isPresent();
        assertThat(match.project()).hasSize(1);
    }

    @Test
    void testGraphToTableReadsBothTablesWithTheirOptions() {
        GraphToTableOperator toTable = (GraphToTableOperator) pipe(
                "G | graph-to-table nodes as N with_node_id=Id, edges with_source_id=S with_target_id=T as E").operators().get(0);

        assertThat(toTable.outputs()).hasSize(2);
        GraphTableOutput nodes = toTable.outputs().get(0);
        assertThat(nodes.nodes()).isTrue();
        assertThat(nodes.name()).map(Identifier::name).contains("N");
        assertThat(nodes.nodeId()).map(Identifier::name).contains("Id");
        GraphTableOutput edges = toTable.outputs().get(1);
        assertThat(edges.nodes()).isFalse();
        assertThat(edges.name()).map(Identifier::name).contains("E");
        assertThat(edges.sourceId()).map(Identifier::name).contains("S");
        assertThat(edges.targetId()).map(Identifier::name).contains("T");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
        // a missing arrow of make-graph, at what stands there
        "E | make-graph Src -> Dst# KS005 1:20",
        // a node that is not closed
        "E | make-graph Src --> Dst | graph-match (a-->(b) project a.Id# KS005 1:44",
        // an edge that points both ways
        "E | make-graph Src --> Dst | graph-match (a)<-->(b) project a.Id# KS005 1:45",
        // a variable-length edge without '..'
        "E | make-graph Src --> Dst | graph-match (a)-[e*2]->(b) project a.Id# KS005 1:50",
        // project is required
        "E | make-graph Src --> Dst | graph-match (a)-->(b)# KS005 1:51",
        // graph-to-table takes nodes or edges
        "E | make-graph Src --> Dst | graph-to-table rows# KS005 1:45",
    })
    void testSyntaxErrorsArePositioned(String query, String expected) {
        assertThat(errors(query)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
        // graph-match over a table
        "E | graph-match (a) project a.Id# KS230 1:5",
        // a graph at the end of the query
        "E | make-graph Src --> Dst# KS231 1:5",
        // ids of different types
        "E | make-graph Id --> Dst# KS232 1:23",
        // an unknown node table id column
        "E | make-graph Src --> Dst with E on Nope# KS142 1:38",
        // a node and an edge of the same name
        "E | make-graph Src --> Dst | graph-match (a)-[a]->(b) project b.Src# KS234 1:47",
        // an edge variable used twice
        "E | make-graph Src --> Dst | graph-match (a)-[e]->(b)-[e]->(c) project a.Src# KS234 1:56",
        // node properties: the graph has none, so any is unknown
        "E | make-graph Src --> Dst | graph-match (a)-[e]->(b) project a.Src# KS142 1:65",
        // an edge property that does not exist
        "E | make-graph Src --> Dst | graph-match (a)-[e]->(b) project e.Nope# KS142 1:65",
        // a where that is not a bool
        "E | make-graph Src --> Dst | graph-match (a)-[e]->(b) where e.Id project e.Id# KS107 1:61",
        // inner_nodes() outside all(), any() and map()
        "E | make-graph Src --> Dst | graph-match (a)-[e*1..2]->(b) project inner_nodes(e)# KS238 1:68",
        // two variable-length edges in one expression
        "E | make-graph Src --> Dst | graph-match (a)-[e*1..2]->(b)-[f*1..2]->(c) project e.Id + f.Id# KS237 1:82",
        // a negative length
        "E | make-graph Src --> Dst | graph-match (a)-[e*-1..2]->(b) project e.Id# KS236 1:49",
        // node_degree_in of an edge
        "E | make-graph Src --> Dst | graph-match (a)-[e]->(b) project node_degree_in(e)# KS238 1:63",
        // nodes and edges tables in a let
        "let X = E | make-graph Src --> Dst | graph-to-table nodes as N, edges as M; X# VQ009 1:38",
        // nodes without properties
        "E | make-graph Src --> Dst | graph-to-table nodes# KS241 1:45",
        // a graph-shortest-paths output that does not exist
        "E | make-graph Src --> Dst | graph-shortest-paths output=some (a)-[e*1..2]->(b) project a.Src# KS233 1:58",
    })
    void testBindingErrorsArePositioned(String query, String expected) {
        assertThat(errors(query)).containsExactly(expected);
    }

    @Test
    void testExplainShowsTheMatchUnderItsFilterAndProject() {
        Explanation explanation = Kql.explain("E | make-graph Src --> Dst with_node_id=n | graph-match (a)-[e*1..2]->(b) "
                + "where e.Id > 0 and a.n != b.n project a.n, ids = e.Id", CATALOG, CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z")));

        assertThat(explanation.plan())
                .contains("#1 Project [a_n = a.n:string, ids = map(e.__edges, Id:long):dynamic]")
                .contains("#2 Filter !=(a.n:string, b.n:string):bool")
                .contains("#3 GraphMatch cycles=unique_edges graph(edges Src --> Dst) [(a) left_to_right e*1..2 each >(Id:long, 0:long):bool (b)]")
                .contains("#4 TableScan E");
    }

    @Test
    void testGraphOperatorsReachTheirBinderFromEveryStage() {
        Compilation compilation = Kql.compile("E | make-graph Src --> Dst with_node_id=n | graph-match (a)-[e*1..2]->(b) where all(e, Id > 0) "
                + "project a.n, ids = e.Id, hops = map(inner_nodes(e), n)", CATALOG, CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z")));

        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.sql()).contains("WITH RECURSIVE").contains("__gp0");
        assertThat(Optional.ofNullable(compilation.sql())).isPresent();
    }
}
