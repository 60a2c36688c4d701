package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.QueryExplanation;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import dev.vigil.workspace.api.TableDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code evaluate bag_unpack} and {@code evaluate pivot} without declared columns, as Sentinel
 * queries write them: the store probes the data for the columns and compiles again.
 */
class TestDataDependentColumns {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @RegisterExtension
    final SmallStorage storage = SmallStorage.perTest().withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withWorkspace("default");

    @BeforeEach
    void createEvents() throws Exception {
        storage.logs().createCustomTable("default", new TableDefinition("DeviceEvents_CL", List.of(
                new ColumnSchema("TimeGenerated", KqlType.DATETIME),
                new ColumnSchema("DeviceId", KqlType.STRING),
                new ColumnSchema("Kind", KqlType.STRING),
                new ColumnSchema("Props", KqlType.DYNAMIC))));
        storage.logs().ingest("default", "DeviceEvents_CL", List.of(
                Map.of("TimeGenerated", "2024-05-01T11:00:00Z", "DeviceId", "d1", "Kind", "login",
                        "Props", "{\"User\":\"alice\",\"Port\":22,\"Tags\":[\"ssh\"]}"),
                Map.of("TimeGenerated", "2024-05-01T11:10:00Z", "DeviceId", "d1", "Kind", "scan",
                        "Props", "{\"Port\":\"any\",\"Score\":0.5}"),
                Map.of("TimeGenerated", "2024-05-01T11:20:00Z", "DeviceId", "d2", "Kind", "login",
                        "Props", "{\"User\":\"bob\",\"Admin\":true}"),
                Map.of("TimeGenerated", "2024-04-01T00:00:00Z", "DeviceId", "d3", "Kind", "old",
                        "Props", "{\"Legacy\":1}")))
                .get(10, TimeUnit.SECONDS);
    }

    private ResultTable query(String kql, Optional<String> timespan) {
        return storage.logs().query("default", new QueryRequest(kql, timespan)).primary();
    }

    @Test
    void testBagUnpackWithoutDeclaredColumnsMakesAColumnPerPropertyTypedByItsValues() {
        ResultTable result = query("DeviceEvents_CL | where TimeGenerated > ago(1d) | project DeviceId, Props"
                + " | evaluate bag_unpack(Props) | sort by DeviceId asc, User asc", Optional.empty());

        assertThat(result.columns()).containsExactly(
                new ColumnSchema("DeviceId", KqlType.STRING),
                new ColumnSchema("Admin", KqlType.BOOL),
                new ColumnSchema("Port", KqlType.DYNAMIC),
                new ColumnSchema("Score", KqlType.REAL),
                new ColumnSchema("Tags", KqlType.DYNAMIC),
                new ColumnSchema("User", KqlType.STRING));
        // dynamic values come back as JSON text
        assertThat(result.rows()).containsExactly(
                Arrays.asList("d1", null, "\"any\"", 0.5, null, ""),
                Arrays.asList("d1", null, "22", null, "[\"ssh\"]", "alice"),
                Arrays.asList("d2", true, null, null, null, "bob"));
    }

    @Test
    void testBagUnpackProbesOnlyTheRowsInTheTimespan() {
        ResultTable recent = query("DeviceEvents_CL | evaluate bag_unpack(Props)", Optional.of("PT2H"));
        ResultTable all = query("DeviceEvents_CL | evaluate bag_unpack(Props)", Optional.empty());

        assertThat(recent.columns()).extracting(ColumnSchema::name).doesNotContain("Legacy");
        assertThat(all.columns()).extracting(ColumnSchema::name).contains("Legacy");
        assertThat(all.columns()).contains(new ColumnSchema("Legacy", KqlType.LONG));
    }

    @Test
    void testPivotWithoutDeclaredColumnsMakesAColumnPerValue() {
        ResultTable result = query("DeviceEvents_CL | project DeviceId, Kind | evaluate pivot(Kind) | sort by DeviceId asc",
                Optional.of("PT2H"));

        assertThat(result.columns()).containsExactly(
                new ColumnSchema("DeviceId", KqlType.STRING),
                new ColumnSchema("login", KqlType.LONG),
                new ColumnSchema("scan", KqlType.LONG));
        assertThat(result.rows()).containsExactly(List.of("d1", 1L, 1L), List.of("d2", 1L, 0L));
    }

    @Test
    void testUnpackedColumnsCanBeUsedByLaterOperatorsAndAPivotAfterThem() {
        ResultTable result = query("DeviceEvents_CL | evaluate bag_unpack(Props) | where isnotempty(User)"
                + " | project DeviceId, User | evaluate pivot(User) | sort by DeviceId asc", Optional.of("PT2H"));

        assertThat(result.columns()).extracting(ColumnSchema::name).containsExactly("DeviceId", "alice", "bob");
        assertThat(result.rows()).containsExactly(List.of("d1", 1L, 0L), List.of("d2", 0L, 1L));
    }

    @Test
    void testExplainShowsTheDiscoveredColumns() {
        QueryExplanation explanation = storage.logs().explain("default",
                new QueryRequest("DeviceEvents_CL | project Props | evaluate bag_unpack(Props)", Optional.of("PT2H")));

        assertThat(explanation.columns()).extracting(ColumnSchema::name).containsExactly("Admin", "Port", "Score", "Tags", "User");
    }

    @Test
    void testDeclaredColumnsAreUsedAsDeclared() {
        ResultTable result = query("DeviceEvents_CL | project DeviceId, Props | evaluate bag_unpack(Props) : (User:string)"
                + " | sort by DeviceId asc, User asc", Optional.of("PT2H"));

        assertThat(result.columns()).extracting(ColumnSchema::name).containsExactly("DeviceId", "User");
    }
}
