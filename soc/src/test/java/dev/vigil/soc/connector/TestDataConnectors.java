package dev.vigil.soc.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.soc.connector.iot.DefenderForIotConnector;
import dev.vigil.soc.connector.logs.CustomLogsConnector;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gallery on the real workspace: "last data received" comes from each data type's own query. */
class TestDataConnectors {
    private static final String WORKSPACE = "default";

    @TempDir
    Path data;
    private Storage storage;
    private LogStore logStore;
    private DataConnectors gallery;

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        logStore = storage.logStore();
        logStore.createWorkspace(WORKSPACE);
        IotAlerts alerts = IotAlerts.open(storage.stateStore(), Clock.systemUTC(), Duration.ofHours(1));
        DefenderForIotConnector iot = new DefenderForIotConnector(new IotRegistry(storage.stateStore()), logStore, storage.stateStore(),
                alerts.feed(), Clock.systemUTC());
        gallery = new DataConnectors(logStore, List.of(iot, new CustomLogsConnector(logStore)));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void theDefenderForIotEntryDescribesItselfAsSentinelDoes() {
        ConnectorDetails iot = gallery.get(WORKSPACE, "IoT");

        assertThat(iot.title()).isEqualTo("Microsoft Defender for IoT");
        assertThat(iot.publisher()).isEqualTo("Microsoft");
        assertThat(iot.permissions()).extracting(RequiredPermission::scope, RequiredPermission::role)
                .containsExactly(tuple("Workspace", "Contributor"), tuple("Subscription", "Contributor"));
        assertThat(iot.dataTypes()).singleElement().satisfies(type -> {
            assertThat(type.dataType().name()).isEqualTo("SecurityAlert (ASC for IoT)");
            assertThat(type.dataType().lastDataReceivedQuery()).isEqualTo(
                    "SecurityAlert | where ProductName == \"Azure Security Center for IoT\" | summarize Time = max(TimeGenerated) | where isnotempty(Time)");
            assertThat(type.lastDataReceived()).isEmpty();
        });
        assertThat(iot.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(gallery.list(WORKSPACE)).extracting(ConnectorDetails::id).containsExactly("IoT", "CustomLogsIngestion");
    }

    @Test
    void lastDataReceivedIsTheNewestRowOfTheProductOnly() {
        logStore.ingest(WORKSPACE, "SecurityAlert", List.of(
                Map.of("ProductName", "Azure Security Center for IoT", "TimeGenerated", "2024-05-06T10:00:00Z"),
                Map.of("ProductName", "Azure Security Center for IoT", "TimeGenerated", "2024-05-06T11:30:00Z"),
                Map.of("ProductName", "Azure Security Center", "TimeGenerated", "2024-05-06T12:00:00Z"))).join();

        ConnectorDetails iot = gallery.get(WORKSPACE, "iot");

        Instant newest = Instant.parse("2024-05-06T11:30:00Z");
        assertThat(iot.dataTypes().get(0).lastDataReceived()).contains(newest);
        assertThat(iot.lastDataReceived()).contains(newest);
    }

    @Test
    void theCustomLogsConnectorListsCustomTablesAndIsConnectedOnceOneHoldsData() {
        ConnectorDetails empty = gallery.get(WORKSPACE, "CustomLogsIngestion");
        assertThat(empty.dataTypes()).isEmpty();
        assertThat(empty.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        logStore.createCustomTable(WORKSPACE, new TableDefinition("Plc_CL", List.of(new ColumnSchema("Message", KqlType.STRING))));
        logStore.createCustomTable(WORKSPACE, new TableDefinition("Badge_CL", List.of(new ColumnSchema("Door", KqlType.STRING))));
        assertThat(gallery.get(WORKSPACE, "CustomLogsIngestion").status()).isEqualTo(ConnectionStatus.DISCONNECTED);

        logStore.ingest(WORKSPACE, "Plc_CL", List.of(Map.of("Message", "stop", "TimeGenerated", "2024-05-06T09:00:00Z"))).join();

        ConnectorDetails custom = gallery.get(WORKSPACE, "CustomLogsIngestion");
        assertThat(custom.status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(custom.dataTypes()).extracting(type -> type.dataType().name()).containsExactly("Badge_CL", "Plc_CL");
        assertThat(custom.dataTypes().get(0).lastDataReceived()).isEmpty();
        assertThat(custom.dataTypes().get(1).lastDataReceived()).contains(Instant.parse("2024-05-06T09:00:00Z"));
        assertThat(custom.lastDataReceived()).contains(Instant.parse("2024-05-06T09:00:00Z"));
    }

    @Test
    void unknownConnectorsAndWorkspacesAreNotFound() {
        assertThatThrownBy(() -> gallery.get(WORKSPACE, "Syslog")).isInstanceOfSatisfying(ConnectorNotFoundException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("DataConnectorNotFound");
        }).hasMessage("There is no data connector 'Syslog'; the gallery holds IoT, CustomLogsIngestion.");
        assertThatThrownBy(() -> gallery.list("nowhere")).isInstanceOf(WorkspaceNotFoundException.class);
    }
}
