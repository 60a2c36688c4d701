package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.api.TableInfo;
import dev.vigil.workspace.api.TableKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRestart {
    record Hub(String name, Instant created, Optional<String> owner, List<String> devices) {
    }

    @TempDir
    Path data;

    @Test
    void testRowsCustomTablesAndDocumentsSurviveARestart() throws Exception {
        String tenant;
        try (DuckDbStorage storage = open()) {
            storage.logStore().createWorkspace("default");
            storage.logStore().createCustomTable("default", new TableDefinition("Readings_CL",
                    List.of(new ColumnSchema("DeviceId", KqlType.STRING), new ColumnSchema("Value", KqlType.REAL))));
            storage.logStore().ingest("default", "Readings_CL", List.of(Map.of("DeviceId", "d1", "Value", 1.5)))
                    .get(10, TimeUnit.SECONDS);
            storage.stateStore().collection("hubs", Hub.class)
                    .put("hub-1", new Hub("hub-1", Instant.parse("2024-05-01T10:00:00Z"), Optional.of("ops"), List.of("d1", "d2")));
            tenant = storage.sql("SELECT \"TenantId\" FROM \"ws_default\".\"Readings_CL\"",
                    List.of(new ColumnSchema("TenantId", KqlType.STRING))).get(0).get(0).toString();
        }

        try (DuckDbStorage storage = open()) {
            assertThat(storage.logStore().workspaces()).containsExactly("default");
            TableInfo readings = storage.logStore().tables("default").stream()
                    .filter(t -> t.name().equals("Readings_CL")).findFirst().orElseThrow();
            assertThat(readings.kind()).isEqualTo(TableKind.CUSTOM);
            assertThat(readings.rowCount()).isEqualTo(1);
            assertThat(readings.columns()).extracting(ColumnSchema::name)
                    .containsExactly("TenantId", "TimeGenerated", "Type", "DeviceId", "Value");
            assertThat(storage.stateStore().collection("hubs", Hub.class).get("hub-1")).contains(
                    new Hub("hub-1", Instant.parse("2024-05-01T10:00:00Z"), Optional.of("ops"), List.of("d1", "d2")));
            // The tenant id is made once, with the workspace.
            storage.logStore().ingest("default", "Readings_CL", List.of(Map.of("DeviceId", "d2"))).get(10, TimeUnit.SECONDS);
            assertThat(storage.logStore().query("default", QueryRequest.of("Readings_CL | where DeviceId == \"d2\" | project TenantId"))
                    .primary().rows()).containsExactly(List.of(tenant));
        }
    }

    @Test
    void testDocumentsRoundTripAndAreListedById() {
        try (DuckDbStorage storage = open()) {
            DocumentCollection<Hub> hubs = storage.stateStore().collection("hubs", Hub.class);
            DocumentCollection<Hub> others = storage.stateStore().collection("others", Hub.class);
            Hub b = new Hub("b", Instant.parse("2024-05-01T10:00:00.123456789Z"), Optional.empty(), List.of());
            Hub a = new Hub("a", Instant.parse("2024-05-02T10:00:00Z"), Optional.of("x"), List.of("d"));

            hubs.put("b", b);
            hubs.put("a", a);
            others.put("a", b);

            assertThat(hubs.list()).containsExactly(a, b);
            assertThat(hubs.get("b")).contains(b);
            hubs.put("a", b);
            assertThat(hubs.get("a")).contains(b);
            assertThat(hubs.delete("a")).isTrue();
            assertThat(hubs.delete("a")).isFalse();
            assertThat(hubs.get("a")).isEmpty();
            assertThat(others.list()).containsExactly(b);
        }
    }

    private DuckDbStorage open() {
        return SmallStorage.open(data);
    }
}
