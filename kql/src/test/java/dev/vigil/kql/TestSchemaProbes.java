package dev.vigil.kql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.StoredFunction;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.kql.types.KqlType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The two-phase compilation of operators whose columns depend on the data. Results on DuckDB are in the conformance suite. */
class TestSchemaProbes {
    private static final Catalog CATALOG = Catalog.of(
            List.of(new TableSchema("T", List.of("T"), List.of(
                    new ColumnSchema("TimeGenerated", KqlType.DATETIME),
                    new ColumnSchema("Id", KqlType.LONG),
                    new ColumnSchema("Kind", KqlType.STRING),
                    new ColumnSchema("Props", KqlType.DYNAMIC)))),
            List.of(new StoredFunction("Unpack", "(X:(*))", "X | evaluate bag_unpack(Props)")));
    private static final CompileOptions OPTIONS = CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z"));

    @Test
    void testUndeclaredBagUnpackAsksForAProbeOverItsInput() {
        Compilation first = Kql.compile("T | where Id > 5 | evaluate bag_unpack(Props)", CATALOG, OPTIONS);

        assertThat(first.hasErrors()).isFalse();
        assertThat(first.needsProbe()).isTrue();
        assertThat(first.sql()).isEmpty();
        SchemaProbe probe = first.probe().orElseThrow();
        assertThat(probe.operator()).isEqualTo("bag_unpack");
        assertThat(probe.key()).isEqualTo("bag_unpack@19");
        assertThat(probe.sql()).contains("json_each").contains("WHERE (\"Id\" > CAST(5 AS BIGINT))").contains("LIMIT 1001");
    }

    @Test
    void testProbeRunsUnderTheTimeRange() {
        CompileOptions ranged = OPTIONS.withTimeRange(new TimeRange(Instant.parse("2024-03-10T00:00:00Z"), Instant.parse("2024-03-10T12:00:00Z")));

        SchemaProbe probe = Kql.compile("T | evaluate bag_unpack(Props)", CATALOG, ranged).probe().orElseThrow();

        assertThat(probe.sql()).contains("TIMESTAMP_NS '2024-03-10 00:00:00.0000000'");
    }

    @Test
    void testSecondCompileUsesTheDiscoveredColumnsWithoutProbingAgain() {
        String query = "T | project Id, Props | evaluate bag_unpack(Props, 'p_')";
        SchemaProbe probe = Kql.compile(query, CATALOG, OPTIONS).probe().orElseThrow();

        Compilation second = Kql.compile(query, CATALOG, OPTIONS.withDiscoveredColumns(Map.of(probe.key(),
                List.of(new ColumnSchema("Name", KqlType.STRING), new ColumnSchema("Port", KqlType.LONG)))));

        assertThat(second.needsProbe()).isFalse();
        assertThat(second.errors()).isEmpty();
        assertThat(second.outputSchema()).containsExactly(new ColumnSchema("Id", KqlType.LONG),
                new ColumnSchema("p_Name", KqlType.STRING), new ColumnSchema("p_Port", KqlType.LONG));
        assertThat(second.sql()).contains("p_Port");
    }

    @Test
    void testRunnerIsAskedOncePerOperatorAndLaterOperatorsSeeTheColumns() {
        List<String> asked = new ArrayList<>();
        ProbeRunner runner = probe -> {
            asked.add(probe.key());
            return probe.operator().equals("bag_unpack")
                    ? List.of(SchemaProbe.column("User", "string"))
                    : List.of(SchemaProbe.column("alice", "long"), SchemaProbe.column("bob", "long"));
        };

        Compilation compilation = Kql.compile("T | evaluate bag_unpack(Props) | project Kind, User | evaluate pivot(User)",
                CATALOG, OPTIONS, runner);

        assertThat(asked).containsExactly("bag_unpack@4", "pivot@54");
        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.outputSchema()).extracting(ColumnSchema::name).containsExactly("Kind", "alice", "bob");
    }

    @Test
    void testPivotProbeAsksForTheValuesTypedByTheAggregate() {
        SchemaProbe probe = Kql.compile("T | evaluate pivot(Kind, sum(Id))", CATALOG, OPTIONS).probe().orElseThrow();

        assertThat(probe.operator()).isEqualTo("pivot");
        assertThat(probe.sql()).contains("SELECT DISTINCT __probe AS name, 'long' AS type");
    }

    @Test
    void testEachCallOfAFunctionHoldingTheOperatorIsProbedOnItsOwn() {
        List<String> asked = new ArrayList<>();
        Kql.compile("Unpack(T | where Id == 1) | join kind=inner (Unpack(T | where Id == 2)) on Id", CATALOG, OPTIONS, probe -> {
            asked.add(probe.key());
            return List.of();
        });

        assertThat(asked).hasSize(2).doesNotHaveDuplicates();
        assertThat(asked.get(0)).startsWith("Unpack@0/");
    }

    @Test
    void testTooManyDiscoveredColumnsIsAClearError() {
        String query = "T | evaluate bag_unpack(Props)";
        List<ColumnSchema> wide = IntStream.range(0, 1001).mapToObj(i -> new ColumnSchema("p" + i, KqlType.LONG)).toList();

        Compilation compilation = Kql.compile(query, CATALOG, OPTIONS.withDiscoveredColumns(Map.of("bag_unpack@4", wide)));

        assertThat(compilation.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("VQ004");
            assertThat(error.message()).contains("more than 1000 columns");
            assertThat(error.column()).isEqualTo(14);
        });
    }

    @Test
    void testDeclaredColumnsNeedNoProbe() {
        Compilation compilation = Kql.compile("T | evaluate bag_unpack(Props) : (User:string)", CATALOG, OPTIONS);

        assertThat(compilation.needsProbe()).isFalse();
        assertThat(compilation.outputSchema()).extracting(ColumnSchema::name).containsExactly("TimeGenerated", "Id", "Kind", "User");
    }
}
