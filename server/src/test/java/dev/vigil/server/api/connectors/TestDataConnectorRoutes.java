package dev.vigil.server.api.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The data connectors gallery over HTTP, as a reader of the workspace sees it. */
class TestDataConnectorRoutes {
    private static final String GALLERY = "/api/workspaces/default/dataConnectors";

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();
    private String reader;

    @BeforeEach
    void createReader() {
        server.createUser("analyst", null);
        server.grant("analyst", "Reader", "/workspaces/default");
        reader = server.issueKey("analyst");
    }

    @Test
    void aReaderSeesEachConnectorWithItsDataTypesAndStatus() {
        HttpResponse<String> response = server.sendJson("GET", GALLERY, reader, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode connectors = RunningServer.json(response).path("value");
        assertThat(connectors.findValuesAsText("id")).containsExactly("IoT", "CustomLogsIngestion");
        JsonNode iot = connectors.path(0);
        assertThat(iot.path("title").asText()).isEqualTo("Microsoft Defender for IoT");
        assertThat(iot.path("connectionStatus").asText()).isEqualTo("Disconnected");
        assertThat(iot.path("dataTypes").path(0).path("name").asText()).isEqualTo("SecurityAlert (ASC for IoT)");
        assertThat(iot.path("dataTypes").path(0).path("lastDataReceived").isNull()).isTrue();
        assertThat(iot.path("permissions").findValuesAsText("scope")).containsExactly("Workspace", "Subscription");
        assertThat(iot.path("prerequisites").path(0).asText()).contains("Defender for IoT (security monitoring)");
    }

    @Test
    void theCustomLogsConnectorShowsCustomTablesAndWhenTheirDataArrived() {
        HttpResponse<String> created = server.postJson("/api/workspaces/default/tables",
                Map.of("name", "Plc_CL", "columns", List.of(Map.of("name", "Message", "type", "string"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> ingested = server.postJson("/api/workspaces/default/tables/Plc_CL/rows",
                List.of(Map.of("Message", "stop", "TimeGenerated", "2024-05-06T09:00:00Z")));
        assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);

        JsonNode custom = RunningServer.json(server.sendJson("GET", GALLERY + "/CustomLogsIngestion", reader, null));

        assertThat(custom.path("connectionStatus").asText()).isEqualTo("Connected");
        assertThat(custom.path("dataTypes").path(0).path("name").asText()).isEqualTo("Plc_CL");
        assertThat(custom.path("dataTypes").path(0).path("lastDataReceived").asText()).isEqualTo("2024-05-06T09:00:00Z");
        assertThat(custom.path("lastDataReceived").asText()).isEqualTo("2024-05-06T09:00:00Z");
    }

    @Test
    void anUnknownConnectorIsNotFound() {
        HttpResponse<String> response = server.sendJson("GET", GALLERY + "/Syslog", reader, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(response).path("error").path("code").asText()).isEqualTo("DataConnectorNotFound");
    }
}
