package dev.vigil.server.api.tables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestTableRoutes {
    private static final String TABLES = "/api/workspaces/default/tables";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    private static JsonNode table(String name) {
        HttpResponse<String> response = server.get(TABLES);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(RunningServer.json(response).path("tables").spliterator(), false)
                .filter(t -> t.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no table " + name + " in " + response.body()));
    }

    private static String type(JsonNode table, String column) {
        return StreamSupport.stream(table.path("columns").spliterator(), false)
                .filter(c -> c.path("name").asText().equals(column))
                .map(c -> c.path("type").asText()).findFirst().orElse("<missing>");
    }

    @Test
    void testBuiltInTablesAreListedWithKqlTypes() {
        JsonNode alert = table("SecurityAlert");
        assertThat(alert.path("kind").asText()).isEqualTo("BuiltIn");
        assertThat(type(alert, "TimeGenerated")).isEqualTo("datetime");
        assertThat(type(alert, "ConfidenceScore")).isEqualTo("real");
        assertThat(type(alert, "IsIncident")).isEqualTo("bool");
        assertThat(type(table("SecurityIncident"), "IncidentNumber")).isEqualTo("int");
        assertThat(type(table("SecurityIoTRawEvent"), "DeviceId")).isEqualTo("string");
    }

    @Test
    void testStandardTablesAreListedAndSayWhetherClientsMayWriteThem() {
        JsonNode syslog = table("Syslog");
        assertThat(syslog.path("kind").asText()).isEqualTo("Standard");
        assertThat(syslog.path("writtenBy").asText()).isEqualTo("Clients");
        assertThat(type(syslog, "SyslogMessage")).isEqualTo("string");
        assertThat(type(table("SecurityEvent"), "EventID")).isEqualTo("int");
        assertThat(table("SigninLogs").path("writtenBy").asText()).isEqualTo("LogAnalytics");
    }

    @Test
    void testRowsForAStandardTableTakeItsColumnsAndThoseLogAnalyticsFillsItselfAre403() {
        HttpResponse<String> ingested = server.postJson(TABLES + "/CommonSecurityLog/rows",
                List.of(Map.of("DeviceVendor", "Fortinet", "Activity", "traffic denied", "DestinationPort", 443)));
        assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
        assertThat(table("CommonSecurityLog").path("rowCount").asLong()).isEqualTo(1);
        assertThat(server.count("CommonSecurityLog | where DestinationPort == 443 | count")).isEqualTo(1);

        HttpResponse<String> refused = server.postJson(TABLES + "/SigninLogs/rows", List.of(Map.of("UserPrincipalName", "a@contoso.com")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(RunningServer.json(refused).path("error").path("message").asText())
                .startsWith("table 'SigninLogs' is a standard table that Log Analytics fills from its own collectors");
    }

    @Test
    void testRowCountsFollowIngestion() {
        HttpResponse<String> created = server.postJson(TABLES, Map.of("name", "Counted_CL", "columns", List.of(Map.of("name", "DeviceId", "type", "string"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> ingested = server.postJson(TABLES + "/Counted_CL/rows", List.of(Map.of("DeviceId", "d1"), Map.of("DeviceId", "d2")));
        assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);

        assertThat(table("Counted_CL").path("rowCount").asLong()).isEqualTo(2);
    }

    @Test
    void testEachTableSaysWhoWritesIt() {
        for (String name : List.of("SecurityAlert", "SecurityIncident", "SecurityIoTRawEvent", "VigilAudit", "SentinelHealth", "LAQueryLogs")) {
            assertThat(table(name).path("writtenBy").asText()).as(name).isEqualTo("Vigil");
        }
        server.postJson(TABLES, Map.of("name", "Open_CL", "columns", List.of(Map.of("name", "A", "type", "string"))));
        assertThat(table("Open_CL").path("writtenBy").asText()).isEqualTo("Clients");
    }

    @Test
    void testASystemTableCannotBeCreatedOrRedefined() {
        for (String name : List.of("VigilAudit", "SecurityAlert", "securityincident")) {
            HttpResponse<String> response = server.postJson(TABLES, Map.of("name", name, "columns", List.of(Map.of("name", "A", "type", "string"))));

            assertThat(response.statusCode()).as(name).isEqualTo(400);
            assertThat(RunningServer.json(response).path("error").path("code").asText()).isEqualTo("InvalidTableDefinition");
        }
        assertThat(type(table("VigilAudit"), "A")).isEqualTo("<missing>");
    }

    @Test
    void testReservedColumnNamesAreRefusedNamingTheColumn() {
        for (String column : List.of("_IngestBatch", "_ResourceId", "_BilledSize")) {
            HttpResponse<String> response = server.postJson(TABLES, Map.of("name", "Reserved_CL", "columns", List.of(
                    Map.of("name", "DeviceId", "type", "string"), Map.of("name", column, "type", "long"))));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            JsonNode error = RunningServer.json(response).path("error");
            assertThat(error.path("code").asText()).isEqualTo("InvalidTableDefinition");
            assertThat(error.path("message").asText()).startsWith("column name '" + column + "' is reserved");
        }
        assertThat(server.get(TABLES).body()).doesNotContain("Reserved_CL");
    }

    @Test
    void testCustomTableIsCreatedWithTheStandardColumns() {
        HttpResponse<String> response = server.postJson(TABLES, Map.of("name", "DeviceInventory_CL",
                "columns", List.of(Map.of("name", "DeviceId", "type", "string"), Map.of("name", "Firmware", "type", "dynamic"))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue(TABLES + "/DeviceInventory_CL");
        JsonNode listed = table("DeviceInventory_CL");
        assertThat(listed.path("kind").asText()).isEqualTo("Custom");
        assertThat(type(listed, "Firmware")).isEqualTo("dynamic");
        assertThat(type(listed, "TimeGenerated")).isEqualTo("datetime");
        assertThat(type(listed, "Type")).isEqualTo("string");
        assertThat(listed.path("rowCount").asLong()).isZero();
    }

    @Test
    void testUnknownColumnTypeIsRefusedNamingTheColumn() {
        HttpResponse<String> response = server.postJson(TABLES, Map.of("name", "Bad_CL",
                "columns", List.of(Map.of("name", "A", "type", "string"), Map.of("name", "B", "type", "strnig"))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("error").path("message").asText()).contains("columns[1]").contains("'strnig'");
    }

    @Test
    void testCustomTableNameMustEndInCl() {
        HttpResponse<String> response = server.postJson(TABLES, Map.of("name", "Inventory",
                "columns", List.of(Map.of("name", "A", "type", "string"))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("error").path("code").asText()).isEqualTo("InvalidTableDefinition");
    }

    @Test
    void testUnknownWorkspaceIsNotFound() {
        HttpResponse<String> response = server.get("/api/workspaces/nowhere/tables");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(response).path("error").path("code").asText()).isEqualTo("WorkspaceNotFound");
    }
}
