package dev.vigil.kql.binder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.Compilation;
import dev.vigil.kql.CompileOptions;
import dev.vigil.kql.Kql;
import dev.vigil.kql.TimeRange;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.kql.parser.KqlParser;
import dev.vigil.kql.plan.Filter;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.plan.TableScan;
import dev.vigil.kql.types.KqlType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestBinder {
    private static final TableSchema EVENTS = new TableSchema("Events", List.of("Events"), List.of(
            new ColumnSchema("TimeGenerated", KqlType.DATETIME),
            new ColumnSchema("Id", KqlType.LONG),
            new ColumnSchema("Small", KqlType.INT),
            new ColumnSchema("Value", KqlType.REAL),
            new ColumnSchema("Message", KqlType.STRING),
            new ColumnSchema("Duration", KqlType.TIMESPAN),
            new ColumnSchema("Flag", KqlType.BOOL)));
    private static final TableSchema LOOKUP = new TableSchema("Lookup", List.of("Lookup"), List.of(
            new ColumnSchema("Key", KqlType.STRING)));
    private static final Catalog CATALOG = Catalog.of(List.of(EVENTS, LOOKUP));

    @Test
    void testUnknownTableIsReportedAtTheTableName() {
        KqlDiagnostic error = singleError("\n  SecurityAlerts\n| count");

        assertThat(error.code()).isEqualTo("KS204");
        assertThat(error.describe()).isEqualTo(
                "line 2:3: There is no table named 'SecurityAlerts' in this workspace (table names are case-sensitive).");
        assertThat(error.start()).isEqualTo(3);
        assertThat(error.length()).isEqualTo(14);
    }

    @Test
    void testTableNamesAreCaseSensitive() {
        assertThat(singleError("events | count").code()).isEqualTo("KS204");
    }

    @Test
    void testUnknownColumnIsReportedAtTheColumn() {
        KqlDiagnostic error = singleError("Events\n| where Id > 1\n| project Id, message");

        assertThat(error.code()).isEqualTo("KS142");
        assertThat(error.describe()).isEqualTo("line 3:15: 'message' is not the name of a column, table, variable or function here.");
    }

    @Test
    void testColumnsDroppedByProjectAreUnknownAfterwards() {
        KqlDiagnostic error = singleError("Events | project Id | where Value > 1");

        assertThat(error.code()).isEqualTo("KS142");
        assertThat(error.column()).isEqualTo(29);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "Id + 1                               | long",
            "Small + Small                        | int",
            "Small + 1                            | long",
            "Small * 1.5                          | real",
            "Id / 2                               | long",
            "Id / 2.0                             | real",
            "Id % 2                               | long",
            "TimeGenerated + 1h                   | datetime",
            "TimeGenerated - datetime(2024-01-01) | timespan",
            "Duration / 1h                        | real",
            "Duration * 2                         | timespan",
            "Message has 'x'                      | bool",
            "Id in (1, 2)                         | bool",
            "not(Flag)                            | bool",
            "bin(TimeGenerated, 1h)               | datetime",
            "bin(Value, 1)                        | real",
            "ago(1d)                              | datetime",
            "now()                                | datetime",
            "strlen(Message)                      | long",
            "dynamic([1])                         | dynamic",
            "-Duration                            | timespan",
    })
    void testExpressionTypes(String expression, String type) {
        Compilation compilation = compile("Events | project x = " + expression);

        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.outputSchema()).containsExactly(new ColumnSchema("x", KqlType.fromName(type).orElseThrow()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', value = {
            "Events | summarize count()                                   ¦ count_",
            "Events | summarize sum(Id), avg(Value)                       ¦ sum_Id, avg_Value",
            "Events | summarize count() by bin(TimeGenerated, 1h)         ¦ TimeGenerated, count_",
            "Events | summarize max(Id) by Flag, Id % 2                   ¦ Flag, Column1, max_Id",
            "Events | summarize count(), count(), n = count()             ¦ count_, count_1, n",
            "Events | summarize count_ = max(Id), count()                 ¦ count_, count_1",
            "Events | project Id, Id + 1, Message, strlen(Message)        ¦ Id, Column1, Message, strlen_Message",
            "Events | project Id | extend Id * 2, Id * 3                  ¦ Id, Column1, Column2",
            "Events | project Id, Message | extend Id = Id * 2            ¦ Id, Message",
            "Events | count                                               ¦ Count",
            "Events | project ['Id']                                      ¦ Id",
    })
    void testImplicitColumnNames(String query, String columns) {
        Compilation compilation = compile(query);

        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.outputSchema().stream().map(ColumnSchema::name).toList()).containsExactly(columns.split(",\\s*"));
    }

    @Test
    void testTimeRangeBecomesAFilterOnlyOnTablesWithTimeGenerated() {
        TimeFilter window = new TimeFilter(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z"));

        LogicalOperator events = Binder.bind(KqlParser.parse("Events"), CATALOG, Optional.of(window));
        LogicalOperator lookup = Binder.bind(KqlParser.parse("Lookup"), CATALOG, Optional.of(window));

        assertThat(events).isInstanceOf(Filter.class);
        assertThat(((Filter) events).input()).isInstanceOf(TableScan.class);
        assertThat(lookup).isInstanceOf(TableScan.class);
    }

    @Test
    void testTimeRangeReachesTheSql() {
        Compilation compilation = Kql.compile("Events | count", CATALOG, CompileOptions.at(Instant.parse("2024-01-03T00:00:00Z"))
                .withTimeRange(new TimeRange(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z"))));

        assertThat(compilation.sql()).contains("(\"TimeGenerated\" >= TIMESTAMP_NS '2024-01-01 00:00:00.0000000')")
                .contains("(\"TimeGenerated\" < TIMESTAMP_NS '2024-01-02 00:00:00.0000000')");
    }

    @Test
    void testExtendBindsEachExpressionAgainstTheColumnsBeforeIt() {
        LogicalOperator plan = Binder.bind(KqlParser.parse("Events | project Id | extend a = Id + 1, b = a * 2"), CATALOG, Optional.empty());

        Project extend = (Project) plan;
        assertThat(extend.columns()).extracting(c -> c.name()).containsExactly("Id", "a", "b");
        // b is written in terms of the input, never of a sibling alias
        assertThat(extend.columns().get(2).expression().toString()).doesNotContain("name=a,");
    }

    @Test
    void testSyntaxTreeIsNotChangedByBinding() {
        var query = KqlParser.parse("Events | where Id > 1");
        String before = query.toString();

        Binder.bind(query, CATALOG, Optional.empty());

        assertThat(query.toString()).isEqualTo(before);
    }

    private static Compilation compile(String query) {
        return Kql.compile(query, CATALOG, CompileOptions.at(Instant.parse("2024-01-03T00:00:00Z")));
    }

    private static KqlDiagnostic singleError(String query) {
        Compilation compilation = compile(query);
        assertThat(compilation.errors()).hasSize(1);
        assertThat(compilation.sql()).isEmpty();
        assertThat(compilation.outputSchema()).isEmpty();
        return compilation.errors().get(0);
    }
}
