package dev.vigil.kql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.kql.parser.KqlParser;
import dev.vigil.kql.syntax.LiteralExpression;
import dev.vigil.kql.syntax.LiteralKind;
import dev.vigil.kql.syntax.PipeExpression;
import dev.vigil.kql.syntax.QueryStatement;
import dev.vigil.kql.syntax.TableReference;
import dev.vigil.kql.types.KqlType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestKqlQuoting {
    private static final CompileOptions OPTIONS = CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z"));

    /** Values that broke, or could break, a literal written by hand: quotes, backslashes, line breaks, control characters. */
    static List<String> awkwardValues() {
        return List.of("", "plain", "O'Brien", "say \"hi\"", "back\\slash", "trailing\\", "\\\"", "two\nlines", "cr\r\nlf",
                "tab\there", "bell\u0007 form\f backspace\b", "nul\0", "del\u007f", "line\u2028separator", "'; drop table x; --",
                "\" | take 0 | where \"", "unicode é 漢字 🙂", "[\"bracketed\"]", "//not a comment");
    }

    @Test
    void testStringLiteralEscapesAsKustoDoes() {
        assertThat(KqlQuoting.stringLiteral("plain")).isEqualTo("\"plain\"");
        assertThat(KqlQuoting.stringLiteral("O'Brien")).isEqualTo("\"O'Brien\"");
        assertThat(KqlQuoting.stringLiteral("a \"b\" \\c")).isEqualTo("\"a \\\"b\\\" \\\\c\"");
        assertThat(KqlQuoting.stringLiteral("1\n2\r3\t4")).isEqualTo("\"1\\n2\\r3\\t4\"");
        assertThat(KqlQuoting.stringLiteral("\f\u0000\u2028")).isEqualTo("\"\\u000c\\u0000\\u2028\"");
    }

    @ParameterizedTest
    @MethodSource("awkwardValues")
    void testStringLiteralReadsBackAsTheSameValue(String value) {
        String literal = KqlQuoting.stringLiteral(value);

        assertThat(literal).doesNotContain("\n", "\r");
        assertThat(KqlParser.parseExpression(literal)).isInstanceOfSatisfying(LiteralExpression.class, parsed -> {
            assertThat(parsed.kind()).isEqualTo(LiteralKind.STRING);
            assertThat(parsed.value()).isEqualTo(value);
        });
    }

    @Test
    void testStringLiteralsComparedInAQueryOnDuckDbMatchExactlyTheirValue() throws SQLException {
        Catalog catalog = Catalog.of(List.of(new TableSchema("T", List.of("T"), List.of(new ColumnSchema("Id", KqlType.STRING)))));
        List<String> values = awkwardValues().stream().filter(value -> value.indexOf('\0') < 0).toList();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE T (Id VARCHAR)");
            try (var insert = connection.prepareStatement("INSERT INTO T VALUES (?)")) {
                for (String value : values) {
                    insert.setString(1, value);
                    insert.execute();
                    insert.setString(1, value + "x");
                    insert.execute();
                }
            }
            for (String value : values) {
                Compilation compilation = Kql.compile("T | where Id == " + KqlQuoting.stringLiteral(value) + " | project Id", catalog, OPTIONS);
                assertThat(compilation.diagnostics()).isEmpty();
                try (ResultSet rows = statement.executeQuery(compilation.sql())) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo(value);
                    assertThat(rows.next()).as("only the row holding exactly %s", KqlQuoting.stringLiteral(value)).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("awkwardValues")
    void testNameReadsBackAsTheSameTableName(String name) {
        if (name.isEmpty()) {
            return;
        }
        String query = KqlQuoting.name(name) + " | take 1";

        PipeExpression pipe = ((QueryStatement) KqlParser.parse(query).statements().get(0)).pipe();
        assertThat(pipe.source()).isInstanceOfSatisfying(TableReference.class, table -> assertThat(table.name()).isEqualTo(name));
    }

    @Test
    void testPlainNamesStayPlainAndOthersAreBracketed() {
        assertThat(KqlQuoting.name("MyTable_CL")).isEqualTo("MyTable_CL");
        assertThat(KqlQuoting.name("_x1")).isEqualTo("_x1");
        assertThat(KqlQuoting.name("my column")).isEqualTo("[\"my column\"]");
        assertThat(KqlQuoting.name("1st")).isEqualTo("[\"1st\"]");
        assertThat(KqlQuoting.name("it's")).isEqualTo("[\"it's\"]");
        assertThat(KqlQuoting.name("true")).isEqualTo("[\"true\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "with space", "q\"uo'te\\", "two\nlines", "true", "false", "null", "where", "and", "not", "in", "by"})
    void testNamesDeclareFilterAndProjectTheSameColumn(String name) {
        String column = KqlQuoting.name(name);
        String query = "datatable(" + column + ":string, other:long)[\"x\", 1, \"y\", 2] | where " + column + " == \"x\" | project " + column;

        Compilation compilation = Kql.compile(query, Catalog.of(List.of()), OPTIONS);

        assertThat(compilation.diagnostics()).isEmpty();
        assertThat(compilation.outputSchema()).extracting(ColumnSchema::name).containsExactly(name);
    }

    @Test
    void testDatetimeLiteralKeepsTicksAndReadsBackAsTheSameInstant() {
        Instant whole = Instant.parse("2026-11-28T10:00:00Z");
        Instant ticks = Instant.parse("2026-11-28T10:00:00.1234567Z");

        assertThat(KqlQuoting.datetimeLiteral(whole)).isEqualTo("datetime(2026-11-28T10:00:00Z)");
        assertThat(KqlQuoting.datetimeLiteral(ticks)).isEqualTo("datetime(2026-11-28T10:00:00.1234567Z)");
        assertThat(KqlQuoting.datetimeLiteral(Instant.parse("2026-11-28T10:00:00.120Z"))).isEqualTo("datetime(2026-11-28T10:00:00.12Z)");
        for (Instant instant : List.of(whole, ticks, Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.9999999Z"))) {
            assertThat(KqlParser.parseExpression(KqlQuoting.datetimeLiteral(instant))).isInstanceOfSatisfying(LiteralExpression.class, parsed -> {
                assertThat(parsed.kind()).isEqualTo(LiteralKind.DATETIME);
                assertThat(parsed.value()).isEqualTo(instant);
            });
        }
    }

    @Test
    void testDatetimeLiteralDropsWhatIsFinerThanATick() {
        assertThat(KqlQuoting.datetimeLiteral(Instant.parse("2026-11-28T10:00:00.123456789Z"))).isEqualTo("datetime(2026-11-28T10:00:00.1234567Z)");
    }

    @Test
    void testDatetimeOutsideKustosRangeIsRefused() {
        assertThatThrownBy(() -> KqlQuoting.datetimeLiteral(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("years 0 to 9999");
    }

    @Test
    void testTimespanLiteralTakesTheLargestExactUnitAndReadsBackAsTheSameTicks() {
        assertThat(KqlQuoting.timespanLiteral(0)).isEqualTo("0s");
        assertThat(KqlQuoting.timespanLiteral(7 * 864_000_000_000L)).isEqualTo("7d");
        assertThat(KqlQuoting.timespanLiteral(90 * 600_000_000L)).isEqualTo("90m");
        assertThat(KqlQuoting.timespanLiteral(-36_000_000_000L)).isEqualTo("-1h");
        for (long ticks : List.of(1L, 10L, 2_500_000L, 15_000_000L, 36_000_000_000L, 7 * 864_000_000_000L, 1234567L)) {
            assertThat(KqlParser.parseExpression(KqlQuoting.timespanLiteral(ticks))).isInstanceOfSatisfying(LiteralExpression.class, parsed -> {
                assertThat(parsed.kind()).isEqualTo(LiteralKind.TIMESPAN);
                assertThat(parsed.value()).isEqualTo(ticks);
            });
        }
    }
}
