package dev.vigil.kql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.kql.types.KqlType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestKqlExplainAndRender {
    private static final Catalog CATALOG = Catalog.of(List.of(new TableSchema("T", List.of("T"), List.of(
            new ColumnSchema("Id", KqlType.LONG), new ColumnSchema("Name", KqlType.STRING)))));
    private static final CompileOptions OPTIONS = CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z"));

    @Test
    void testExplainPrintsTheBoundPlanWithTypesAndTheSql() {
        Explanation explanation = Kql.explain("T | where Id > 5 | project Name", CATALOG, OPTIONS);

        assertThat(explanation.plan()).isEqualTo("""
                #1 Project [Name = Name:string] -> (Name:string)
                  #2 Filter >(Id:long, 5:long):bool -> (Id:long, Name:string)
                    #3 TableScan T -> (Id:long, Name:string)
                """);
        assertThat(explanation.describe()).contains("Plan:\n#1 Project").contains("SQL:\nWITH __stage0");
    }

    @Test
    void testExplainOfABatchPrintsThePlanAndTheSqlOfEveryTable() {
        Explanation explanation = Kql.explain("T | where Id > 5 | project Name; T | count", CATALOG, OPTIONS);

        assertThat(explanation.compilation().results()).extracting(ResultTable::name).containsExactly("Table_0", "Table_1");
        assertThat(explanation.plan()).startsWith("-- Table_0\n#1 Project").contains("-- Table_1\n#1 ");
        String described = explanation.describe();
        assertThat(described.substring(described.indexOf("SQL:\n")))
                .startsWith("SQL:\n-- Table_0\n" + explanation.compilation().results().get(0).sql())
                .contains("-- Table_1\n" + explanation.compilation().results().get(1).sql());
    }

    @Test
    void testExplainPrintsLiteralsAsKqlLiterals() {
        Explanation explanation = Kql.explain("T | where Name == \"High \\\"x\\\"\" | extend d = datetime(2024-01-02T03:04:05Z), "
                + "s = 90m, ms = 250ms, r = 1.5, i = int(3), n = long(null), b = true, y = dynamic({\"a\": 1})", CATALOG, OPTIONS);

        assertThat(explanation.plan())
                .contains("==(Name:string, \"High \\\"x\\\"\":string)")
                .contains("d = datetime(2024-01-02T03:04:05Z):datetime")
                .contains("s = 90m:timespan")
                .contains("ms = 250ms:timespan")
                .contains("r = 1.5:real")
                .contains("i = int(3):int")
                .contains("n = long(null):long")
                .contains("b = true:bool")
                .contains("y = dynamic({\"a\":1}):dynamic");
    }

    @Test
    void testExplainPrintsATableUsedTwiceOnce() {
        Explanation explanation = Kql.explain("let t = T | take 1; t | join kind=inner t on Id", CATALOG, OPTIONS);

        assertThat(explanation.plan()).contains("#1 Join inner on Id == Id").contains("  #2 (shown above)");
    }

    @Test
    void testExplainPrintsSubqueriesUnderTheirOperator() {
        Explanation explanation = Kql.explain("T | where Id in (T | project Id)", CATALOG, OPTIONS);

        assertThat(explanation.plan()).contains("in(Id:long, #2.Id):bool").contains("  subquery:\n    #2 Project");
    }

    @Test
    void testExplainOfABadQueryListsTheErrors() {
        Explanation explanation = Kql.explain("T | where Nope > 1", CATALOG, OPTIONS);

        assertThat(explanation.plan()).isEmpty();
        assertThat(explanation.describe()).startsWith("KS142 line 1:11:");
    }

    @Test
    void testRenderIsReturnedAsVisualization() {
        Compilation compilation = Kql.compile("T | summarize count() by Name | render barchart with (title=\"By name\", ycolumns=count_, Name)",
                CATALOG, OPTIONS);

        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.visualization()).contains(new Visualization("barchart", Map.of("title", "By name", "ycolumns", "count_,Name")));
    }

    @Test
    void testQueryWithoutRenderHasNoVisualization() {
        assertThat(Kql.compile("T | count", CATALOG, OPTIONS).visualization()).isEmpty();
    }

    @Test
    void testCompilationWithoutVisualizationKeepsTheFourArgumentConstructor() {
        Compilation compilation = new Compilation("T", List.of(), List.of(), "SELECT 1");

        assertThat(compilation.visualization()).isEmpty();
    }
}
