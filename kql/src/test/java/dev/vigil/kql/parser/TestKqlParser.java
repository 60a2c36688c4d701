package dev.vigil.kql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.kql.Compilation;
import dev.vigil.kql.CompileOptions;
import dev.vigil.kql.Kql;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticsException;
import dev.vigil.kql.syntax.BinaryExpression;
import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.InExpression;
import dev.vigil.kql.syntax.LiteralExpression;
import dev.vigil.kql.syntax.LiteralKind;
import dev.vigil.kql.syntax.NameReference;
import dev.vigil.kql.syntax.NullsPlacement;
import dev.vigil.kql.syntax.PipeExpression;
import dev.vigil.kql.syntax.Query;
import dev.vigil.kql.syntax.QueryStatement;
import dev.vigil.kql.syntax.SortDirection;
import dev.vigil.kql.syntax.SortKey;
import dev.vigil.kql.syntax.SortOperator;
import dev.vigil.kql.syntax.SourceText;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.SummarizeOperator;
import dev.vigil.kql.syntax.TableReference;
import dev.vigil.kql.syntax.TopOperator;
import dev.vigil.kql.syntax.WhereOperator;
import dev.vigil.kql.types.KqlType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestKqlParser {

    @Test
    void testWhereTreeWithSpans() {
        Query query = KqlParser.parse("T | where x > 1 and y has \"a\"");

        PipeExpression pipe = ((QueryStatement) query.statements().get(0)).pipe();
        assertThat(pipe.source()).isEqualTo(new TableReference("T", new Span(0, 1)));
        WhereOperator where = (WhereOperator) pipe.operators().get(0);
        assertThat(where.span()).isEqualTo(new Span(4, 25));
        assertThat(where.predicate()).isEqualTo(new BinaryExpression(BinaryOperator.AND, new Span(16, 3),
                new BinaryExpression(BinaryOperator.GREATER, new Span(12, 1),
                        new NameReference("x", new Span(10, 1)),
                        new LiteralExpression(LiteralKind.LONG, 1L, new Span(14, 1)), new Span(10, 5)),
                new BinaryExpression(BinaryOperator.HAS, new Span(22, 3),
                        new NameReference("y", new Span(20, 1)),
                        new LiteralExpression(LiteralKind.STRING, "a", new Span(26, 3)), new Span(20, 9)),
                new Span(10, 19)));
    }

    @Test
    void testMultiplicationBindsTighterThanAddition() {
        Expression expression = KqlParser.parseExpression("1 + 2 * 3 - 4");

        assertThat(render(expression)).isEqualTo("((1 + (2 * 3)) - 4)");
    }

    @Test
    void testComparisonBindsTighterThanAndWhichBindsTighterThanOr() {
        assertThat(render(KqlParser.parseExpression("a == 1 or b < 2 and c"))).isEqualTo("((a == 1) or ((b < 2) and c))");
    }

    @Test
    void testNegatedStringOperatorsAreOneOperator() {
        assertThat(render(KqlParser.parseExpression("a !has 'x' and b !contains 'y' and c !startswith 'z'")))
                .isEqualTo("(((a !has x) and (b !contains y)) and (c !startswith z))");
    }

    @Test
    void testInAndNotInTakeAParenthesizedList() {
        InExpression in = (InExpression) KqlParser.parseExpression("Level !in ('a', \"b\")");

        assertThat(in.negated()).isTrue();
        assertThat(in.operatorSpan()).isEqualTo(new Span(6, 3));
        assertThat(in.values()).extracting(v -> ((LiteralExpression) v).value()).containsExactly("a", "b");
        assertThat(in.span()).isEqualTo(new Span(0, 20));
    }

    @Test
    void testLiteralsOfEveryKind() {
        assertThat(literal("42")).isEqualTo(42L);
        assertThat(literal("-42")).isEqualTo(-42L);
        assertThat(literal("1.5")).isEqualTo(1.5);
        assertThat(literal("true")).isEqualTo(true);
        assertThat(literal("'it\\'s'")).isEqualTo("it's");
        assertThat(literal("@'c:\\temp'")).isEqualTo("c:\\temp");
        assertThat(literal("\"tab\\there\"")).isEqualTo("tab\there");
        assertThat(literal("datetime(2024-01-31 10:00:00.5)")).isEqualTo(Instant.parse("2024-01-31T10:00:00.5Z"));
        assertThat(literal("1h")).isEqualTo(Duration.ofHours(1).toNanos() / 100);
        assertThat(literal("100ms")).isEqualTo(Duration.ofMillis(100).toNanos() / 100);
        assertThat(literal("1tick")).isEqualTo(1L);
        assertThat(literal("time(1.02:00:00)")).isEqualTo(Duration.ofHours(26).toNanos() / 100);
        assertThat(literal("timespan(30m)")).isEqualTo(Duration.ofMinutes(30).toNanos() / 100);
        assertThat(literal("dynamic({'a': [1, -2.5, null]})")).isEqualTo("{\"a\":[1,-2.5,null]}");
    }

    @Test
    void testAssignmentsAndFunctionCalls() {
        SummarizeOperator summarize = (SummarizeOperator) operators("T | summarize n = count() by bin(TimeGenerated, 1h), Level").get(0);

        ColumnAssignment aggregate = summarize.aggregates().get(0);
        assertThat(aggregate.name()).contains(new Identifier("n", new Span(14, 1)));
        assertThat(aggregate.expression()).isEqualTo(new FunctionCall("count", new Span(18, 5), List.of(), new Span(18, 7)));
        assertThat(summarize.groups()).hasSize(2);
        assertThat(((FunctionCall) summarize.groups().get(0).expression()).arguments()).hasSize(2);
        assertThat(summarize.groups().get(1).name()).isEmpty();
    }

    @Test
    void testSortKeysKeepOnlyWhatIsWritten() {
        SortOperator sort = (SortOperator) operators("T | order by a, b asc nulls last").get(0);

        assertThat(sort.keys().get(0)).isEqualTo(new SortKey(new NameReference("a", new Span(13, 1)), Optional.empty(), Optional.empty(), new Span(13, 1)));
        assertThat(sort.keys().get(1).direction()).contains(SortDirection.ASCENDING);
        assertThat(sort.keys().get(1).nulls()).contains(NullsPlacement.LAST);
        assertThat(sort.keys().get(1).span()).isEqualTo(new Span(16, 16));
    }

    @Test
    void testTopHasCountAndKey() {
        TopOperator top = (TopOperator) operators("T | top 5 by x desc").get(0);

        assertThat(top.count()).isEqualTo(new LiteralExpression(LiteralKind.LONG, 5L, new Span(8, 1)));
        assertThat(top.key().direction()).contains(SortDirection.DESCENDING);
    }

    @Test
    void testCommentsAndLineBreaksAreTrivia() {
        List<?> operators = operators("// first\nT // table\n| take 1 // one\n| count");

        assertThat(operators).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', value = {
            "T | where ¦ KS006 line 1:10: An expression is missing here; found 'end of query'.",
            "T | wher x ¦ KS005 line 1:5: 'wher' is not a query operator; expected an operator such as where, project, extend, summarize, sort, top, take or count.",
            "T | where x == 'abc ¦ KS004 line 1:16: Malformed string literal: the closing quote is missing.",
            "T | where x == 1 # 2 ¦ KS002 line 1:18: Unexpected character '#'.",
            "T | sort x ¦ KS005 line 1:10: Expected 'by' but found 'x'.",
            "T | where (x ¦ KS005 line 1:13: Expected ')' but found 'end of query'.",
            "T | where x in 1 ¦ KS005 line 1:16: Expected '(' but found '1'.",
            "T | take 5h5 ¦ KS004 line 1:10: Malformed number literal: 'h5' is not a timespan unit such as d, h, m, s, ms or tick.",
            "T | where t > datetime(2024-02-30) ¦ KS004 line 1:15: Malformed datetime literal: '2024-02-30' is not a date and time such as 2024-01-31 or 2024-01-31T10:00:00Z.",
            "T | where s == 'a\\qb' ¦ KS004 line 1:18: Malformed string literal: '\\q' is not a known escape.",
            "T | where x > 99999999999999999999 ¦ KS004 line 1:15: Malformed long literal: 99999999999999999999 does not fit in a 64-bit integer.",
            "T | sort by x nulls middle ¦ KS005 line 1:21: Expected 'first' or 'last' but found 'middle'.",
            "T | project a = ¦ KS006 line 1:16: An expression is missing here; found 'end of query'.",
            "T | count | ¦ KS005 line 1:12: Expected a query operator but found 'end of query'.",
            "| count ¦ KS005 line 1:1: Expected a table name but found '|'.",
            "T | where x == dynamic([1,) ¦ KS005 line 1:27: Expected a constant value but found ')'.",
            "T\\n| where x ==\\n| count ¦ KS006 line 3:1: An expression is missing here; found '|'.",
    })
    void testSyntaxErrorsNameTheirPlace(String query, String expected) {
        String text = query.replace("\\n", "\n");
        assertThat(describedErrors(text)).containsExactly(expected);
    }

    /** Every syntax error of {@code text}, each as its code and its description with line and column. */
    private static List<String> describedErrors(String text) {
        SourceText source = new SourceText(text);
        try {
            KqlParser.parse(text);
            return List.of();
        } catch (DiagnosticsException e) {
            return e.errors().stream().map(error -> error.fact().code() + " " + error.fact().at(source, error.span()).describe()).toList();
        } catch (DiagnosticException e) {
            return List.of(e.fact().code() + " " + e.fact().at(source, e.span()).describe());
        }
    }

    @Test
    void testEveryOperatorWithASyntaxErrorIsReportedWithItsLineAndColumn() {
        assertThat(describedErrors("T\n| where x ==\n| project a = \n| sort x\n| take 3")).containsExactly(
                "KS006 line 3:1: An expression is missing here; found '|'.",
                "KS006 line 4:1: An expression is missing here; found '|'.",
                "KS005 line 4:8: Expected 'by' but found 'x'.");
    }

    @Test
    void testEveryStatementWithASyntaxErrorIsReported() {
        assertThat(describedErrors("let a = ;\nlet b = 1 + (2;\nT | take b")).containsExactly(
                "KS006 line 1:9: An expression is missing here; found ';'.",
                "KS005 line 2:15: Expected ')' but found ';'.");
    }

    @Test
    void testAnErrorInsideASubqueryDoesNotHideTheErrorsAfterIt() {
        assertThat(describedErrors("T | join (X | whre y) on a | wher")).containsExactly(
                "KS005 line 1:15: 'whre' is not a query operator; expected an operator such as where, project, extend, summarize, sort, top, take or count.",
                "KS005 line 1:30: 'wher' is not a query operator; expected an operator such as where, project, extend, summarize, sort, top, take or count.");
    }

    @Test
    void testErrorsAfterARecoveredOneKeepTheRestOfThePipeValid() {
        Compilation compilation = compile("T | where x == | project x | sort by x desc");

        assertThat(compilation.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("KS006");
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(16);
        });
    }

    @Test
    void testAQueryWithManyErrorsStopsAtTheLimit() {
        String query = "T" + " | where".repeat(KqlParser.MAX_ERRORS * 2);

        assertThat(compile(query).errors()).hasSize(KqlParser.MAX_ERRORS);
    }

    @Test
    void testEmptyQueryIsAnError() {
        Compilation compilation = compile("   ");

        assertThat(compilation.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("KS006"));
    }

    @Test
    void testDeeplyNestedParenthesesFailCleanly() {
        String query = "T | where " + "(".repeat(50_000) + "x" + ")".repeat(50_000);

        // a hang detector, generous for a machine busy with other builds
        Compilation compilation = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> compile(query));

        assertThat(compilation.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("VQ001");
            assertThat(e.message()).contains("nests more than " + KqlParser.MAX_EXPRESSION_DEPTH + " levels");
        });
    }

    @Test
    void testVeryLongOperatorChainFailsCleanly() {
        String query = "T | where x == " + IntStream.range(0, 100_000).mapToObj(i -> "1").collect(Collectors.joining(" + "));

        // a hang detector, generous for a machine busy with other builds
        Compilation compilation = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> compile(query));

        assertThat(compilation.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("VQ001"));
    }

    @Test
    void testDeeplyNestedUnaryMinusAndDynamicFailCleanly() {
        assertThat(compile("T | where x == " + "-".repeat(100_000) + "x").errors()).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("VQ001"));
        assertThat(compile("T | where x == dynamic(" + "[".repeat(100_000) + ")").errors()).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("VQ001"));
    }

    @Test
    void testLongFlatListCompiles() {
        String query = "T | where x in (" + IntStream.range(0, 50_000).mapToObj(String::valueOf).collect(Collectors.joining(", ")) + ")";

        // a hang detector, generous for a machine busy with other builds
        Compilation compilation = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> compile(query));

        assertThat(compilation.errors()).isEmpty();
    }

    @Test
    void testFlatOrOfThreeHundredTermsCompiles() {
        String query = "T | where " + IntStream.range(0, 300).mapToObj(i -> "x == " + i).collect(Collectors.joining(" or "));

        Compilation compilation = compile(query);

        assertThat(compilation.errors()).isEmpty();
    }

    @Test
    void testLongRunsOfAndAndOrStayShallow() {
        String query = "T | where " + IntStream.range(0, 100_000).mapToObj(i -> "x == " + i).collect(Collectors.joining(" or "))
                + " | where " + IntStream.range(0, 1_000).mapToObj(i -> "x != " + i).collect(Collectors.joining(" and "));

        // a hang detector, generous for a machine busy with other builds
        Compilation compilation = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> compile(query));

        assertThat(compilation.errors()).isEmpty();
        List<?> operators = operators(query);
        assertThat(depth(((WhereOperator) operators.get(0)).predicate())).isEqualTo(1 + 17 + 1);
        assertThat(depth(((WhereOperator) operators.get(1)).predicate())).isEqualTo(1 + 10 + 1);
    }

    @Test
    void testRunOfOrKeepsTheOrderOfItsTerms() {
        assertThat(render(KqlParser.parseExpression("a or b or c"))).isEqualTo("((a or b) or c)");
        assertThat(render(KqlParser.parseExpression("a or b or c or d or e"))).isEqualTo("(((a or b) or c) or (d or e))");
        assertThat(render(KqlParser.parseExpression("a and b and c or d and e"))).isEqualTo("(((a and b) and c) or (d and e))");
    }

    @Test
    void testRealNestingOfOrStillCounts() {
        String query = "T | where " + "(x == 1 or ".repeat(300) + "x == 0" + ")".repeat(300);

        assertThat(compile(query).errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("VQ001"));
    }

    private static int depth(Expression expression) {
        if (expression instanceof BinaryExpression binary) {
            return 1 + Math.max(depth(binary.left()), depth(binary.right()));
        }
        return 1;
    }

    private static Compilation compile(String query) {
        Catalog catalog = Catalog.of(List.of(new TableSchema("T", List.of("T"), List.of(new ColumnSchema("x", KqlType.LONG)))));
        return Kql.compile(query, catalog, CompileOptions.at(Instant.parse("2024-01-01T00:00:00Z")));
    }

    private static List<?> operators(String query) {
        return ((QueryStatement) KqlParser.parse(query).statements().get(0)).pipe().operators();
    }

    private static Object literal(String text) {
        return ((LiteralExpression) KqlParser.parseExpression(text)).value();
    }

    /** A fully parenthesized rendering, to read operator precedence at a glance. */
    private static String render(Expression expression) {
        if (expression instanceof BinaryExpression binary) {
            return "(" + render(binary.left()) + " " + binary.operator().text() + " " + render(binary.right()) + ")";
        }
        if (expression instanceof NameReference name) {
            return name.name();
        }
        if (expression instanceof LiteralExpression literal) {
            return String.valueOf(literal.value());
        }
        return expression.toString();
    }
}
