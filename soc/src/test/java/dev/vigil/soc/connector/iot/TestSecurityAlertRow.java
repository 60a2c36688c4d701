package dev.vigil.soc.connector.iot;

import static dev.vigil.soc.connector.iot.ConnectorFixture.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.iot.alert.AlertChangeKind;
import dev.vigil.iot.alert.AlertStatus;
import dev.vigil.iot.alert.AlertVersion;
import dev.vigil.iot.alert.IotAlert;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.soc.rule.ScheduledRuleProperties;
import dev.vigil.soc.rule.template.AlertRuleTemplates;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import dev.vigil.workspace.api.TableInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An alert version as a SecurityAlert row, checked column by column after a round trip through the real workspace. */
class TestSecurityAlertRow {
    private static final Instant RAISED = Instant.parse("2024-05-06T10:00:05Z");
    private static final Instant OCCURRED = Instant.parse("2024-05-06T10:00:00Z");
    /** Filled by the workspace at ingestion, as Log Analytics fills them. */
    private static final Set<String> NOT_SET_BY_THE_CONNECTOR = Set.of("TenantId", "Type", "_BilledSize", "_IsBillable");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void everyColumnOfTheTableIsSetAsDefenderSetsIt() throws Exception {
        try (ConnectorFixture fixture = ConnectorFixture.open(data, Clock.fixed(RAISED, ZoneOffset.UTC))) {
            IotHub hub = fixture.hub("sub-1", "plant-hub", true);
            fixture.raise(hub, "gateway-01", OCCURRED);
            AlertVersion version = fixture.alerts.feed().read(0, 1).get(0);

            Map<String, Object> row = SecurityAlertRow.of(version);

            TableInfo table = fixture.storage.logStore().tables(WORKSPACE).stream().filter(t -> t.name().equals("SecurityAlert")).findFirst().orElseThrow();
            List<String> columns = table.columns().stream().map(ColumnSchema::name).filter(name -> !NOT_SET_BY_THE_CONNECTOR.contains(name)).toList();
            assertThat(row.keySet()).containsExactlyInAnyOrderElementsOf(columns);

            Map<String, Object> stored = roundTrip(fixture, row);
            String systemAlertId = version.alert().alertId();
            assertThat(stored).containsEntry("ProductName", "Azure Security Center for IoT")
                    .containsEntry("VendorName", "Microsoft")
                    .containsEntry("ProviderName", "IoTSecurity")
                    .containsEntry("AlertType", "IoT_ReverseShell")
                    .containsEntry("AlertName", "Reverse shells")
                    .containsEntry("DisplayName", "Reverse shells")
                    .containsEntry("Description", "A reverse shell was detected on the device.")
                    .containsEntry("AlertSeverity", "High")
                    .containsEntry("Status", "New")
                    .containsEntry("ConfidenceLevel", "Unknown")
                    .containsEntry("IsIncident", false)
                    .containsEntry("SystemAlertId", systemAlertId)
                    .containsEntry("VendorOriginalId", systemAlertId)
                    .containsEntry("ResourceId", hub.resourceId())
                    .containsEntry("CompromisedEntity", "gateway-01")
                    .containsEntry("SourceSystem", "Detection")
                    .containsEntry("Type", "SecurityAlert")
                    .containsEntry("_IsBillable", "True")
                    .containsEntry("TimeGenerated", "2024-05-06T10:00:05Z")
                    .containsEntry("ProcessingEndTime", "2024-05-06T10:00:05Z")
                    .containsEntry("StartTime", "2024-05-06T10:00:00Z")
                    .containsEntry("EndTime", "2024-05-06T10:00:00Z")
                    .containsEntry("Tactics", "Execution, CommandAndControl")
                    .containsEntry("Techniques", "[\"T1059\"]")
                    .containsEntry("SubTechniques", "[\"T1059.004\"]")
                    .containsEntry("AlertLink", "/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts/" + systemAlertId);
            assertThat(JSON.readValue(stored.get("RemediationSteps").toString(), List.class))
                    .containsExactly("Review the command line.", "Escalate to the security team.");
            JsonNode properties = JSON.readTree(stored.get("ExtendedProperties").toString());
            assertThat(properties.path("DeviceId").asText()).isEqualTo("gateway-01");
            assertThat(properties.path("User Name").asText()).isEqualTo("root");
            assertThat(properties.path("AlertManagementUri").asText()).isEqualTo(stored.get("AlertLink"));
            assertThat(properties.path("isNew").asText()).isEqualTo("True");
            assertThat(((Number) stored.get("_BilledSize")).doubleValue()).isGreaterThan(stored.get("ExtendedProperties").toString().length());
            JsonNode entities = JSON.readTree(stored.get("Entities").toString());
            assertThat(entities.path(0).path("Type").asText()).isEqualTo("iotdevice");
            assertThat(entities.path(0).path("DeviceId").asText()).isEqualTo("gateway-01");
            assertThat(entities.path(0).path("IoTHub").path("ResourceId").asText()).isEqualTo(hub.resourceId());
        }
    }

    @Test
    void aStatusChangeIsARowOfItsOwnWithTheSameSystemAlertId() {
        try (ConnectorFixture fixture = ConnectorFixture.open(data, Clock.fixed(RAISED, ZoneOffset.UTC))) {
            IotHub hub = fixture.hub("sub-1", "plant-hub", true);
            IotAlert alert = fixture.raise(hub, "gateway-01", OCCURRED);
            fixture.alerts.changeStatus(alert.alertId(), AlertStatus.IN_PROGRESS);
            fixture.alerts.changeStatus(alert.alertId(), AlertStatus.DISMISSED);
            List<AlertVersion> versions = fixture.alerts.feed().read(0, 10);

            List<Map<String, Object>> rows = versions.stream().map(SecurityAlertRow::of).toList();

            assertThat(rows).extracting(row -> row.get("Status")).containsExactly("New", "InProgress", "Dismissed");
            assertThat(rows).extracting(row -> row.get("SystemAlertId")).containsOnly(alert.alertId());
        }
    }

    @Test
    void onlyTheVersionThatCreatesTheAlertIsNew() throws Exception {
        try (ConnectorFixture fixture = ConnectorFixture.open(data, Clock.fixed(RAISED, ZoneOffset.UTC))) {
            IotHub hub = fixture.hub("sub-1", "plant-hub", true);
            IotAlert alert = fixture.raise(hub, "gateway-01", OCCURRED);
            fixture.raise(hub, "gateway-01", OCCURRED.plusSeconds(60));
            fixture.alerts.changeStatus(alert.alertId(), AlertStatus.IN_PROGRESS);
            List<AlertVersion> versions = fixture.alerts.feed().read(0, 10);

            List<String> isNew = new ArrayList<>();
            for (AlertVersion version : versions) {
                isNew.add(JSON.readTree(SecurityAlertRow.of(version).get("ExtendedProperties").toString()).path("isNew").asText());
            }

            assertThat(versions).extracting(AlertVersion::changeKind)
                    .containsExactly(AlertChangeKind.CREATED, AlertChangeKind.REPEATED, AlertChangeKind.STATUS_CHANGED);
            assertThat(isNew).containsExactly("True", "False", "False");
        }
    }

    @Test
    void anIotTemplateMakesOneResultPerAlertHoweverManyVersionsItHas() {
        try (ConnectorFixture fixture = ConnectorFixture.open(data, Clock.fixed(RAISED, ZoneOffset.UTC))) {
            IotHub hub = fixture.hub("sub-1", "plant-hub", true);
            IotAlert updated = fixture.raise(hub, "gateway-01", OCCURRED);
            fixture.raise(hub, "gateway-01", OCCURRED.plusSeconds(60));
            fixture.alerts.changeStatus(updated.alertId(), AlertStatus.IN_PROGRESS);
            fixture.alerts.changeStatus(updated.alertId(), AlertStatus.RESOLVED);
            IotAlert untouched = fixture.raise(hub, "gateway-02", OCCURRED);
            List<Map<String, Object>> rows = fixture.alerts.feed().read(0, 10).stream().map(SecurityAlertRow::of).toList();
            fixture.storage.logStore().ingest(WORKSPACE, "SecurityAlert", rows).join();
            // "Reverse shells" is one of the alert names of the malware template
            String malware = ((ScheduledRuleProperties) AlertRuleTemplates.builtIn().list().stream()
                    .filter(template -> template.source().equals("IoTMalware")).findFirst().orElseThrow().properties()).detection().query();

            ResultTable result = fixture.storage.logStore().query(WORKSPACE, QueryRequest.of(malware + "\n| project SystemAlertId, Status, DeviceId")).primary();

            assertThat(rows).hasSize(5);
            assertThat(result.rows()).containsExactlyInAnyOrder(
                    List.of(updated.alertId(), "New", "gateway-01"),
                    List.of(untouched.alertId(), "New", "gateway-02"));
        }
    }

    @Test
    void alertTypesWithoutAKnownTechniqueLeaveTheColumnsEmpty() {
        assertThat(AttackMapping.forAlertType("IoT_DeviceSilent")).isEqualTo(AttackMapping.NONE);
        assertThat(AttackMapping.forAlertType("IoT_CA_ActiveConnectionsNotInAllowedRange")).isEqualTo(AttackMapping.NONE);
        assertThat(AttackMapping.forAlertType("IoT_BruteForceSucceeded").tactics()).containsExactly("CredentialAccess");
    }

    /** Ingests the row and reads it back as the query API returns it. */
    private static Map<String, Object> roundTrip(ConnectorFixture fixture, Map<String, Object> row) {
        fixture.storage.logStore().ingest(WORKSPACE, "SecurityAlert", List.of(row)).join();
        ResultTable result = fixture.storage.logStore().query(WORKSPACE, QueryRequest.of("SecurityAlert")).primary();
        assertThat(result.rows()).hasSize(1);
        return result.rowsByColumn().get(0);
    }
}
