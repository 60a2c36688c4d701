package dev.vigil.workspace.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.TableWriter;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TestBuiltInTables {

    @Test
    void testEveryBuiltInTableIsWrittenByVigilAlone() {
        assertThat(BuiltInTables.ALL).extracting(WorkspaceTable::name)
                .contains("SecurityAlert", "SecurityIncident", "SecurityIoTRawEvent", "VigilAudit", "SentinelHealth", "LAQueryLogs");
        assertThat(BuiltInTables.ALL).allSatisfy(table -> assertThat(table.writer()).as(table.name()).isEqualTo(TableWriter.VIGIL));
    }

    @Test
    void testSecurityAlertHasTheColumnsOfTheReference() {
        Map<String, String> expected = new TreeMap<>();
        for (String name : ("AlertLink AlertName AlertSeverity AlertType CompromisedEntity ConfidenceLevel Description"
                + " DisplayName Entities ExtendedLinks ExtendedProperties ProductComponentName ProductName ProviderName"
                + " RemediationSteps ResourceId SourceComputerId SourceSystem Status SubTechniques SystemAlertId Tactics"
                + " Techniques TenantId Type VendorName VendorOriginalId WorkspaceResourceGroup WorkspaceSubscriptionId"
                + " _IsBillable").split(" ")) {
            expected.put(name, "string");
        }
        expected.put("ConfidenceScore", "real");
        expected.put("EndTime", "datetime");
        expected.put("StartTime", "datetime");
        expected.put("ProcessingEndTime", "datetime");
        expected.put("TimeGenerated", "datetime");
        expected.put("IsIncident", "bool");
        expected.put("_BilledSize", "real");

        assertThat(typesByName(BuiltInTables.SECURITY_ALERT)).isEqualTo(expected);
    }

    @Test
    void testSecurityIncidentHasTheColumnsOfTheReference() {
        Map<String, String> expected = new TreeMap<>();
        for (String name : ("ClassificationComment ClassificationReason Classification Description IncidentName IncidentUrl"
                + " ModifiedBy ProviderIncidentId ProviderName Severity SourceSystem Status TenantId Title Type").split(" ")) {
            expected.put(name, "string");
        }
        for (String name : "ClosedTime CreatedTime FirstActivityTime FirstModifiedTime LastActivityTime LastModifiedTime TimeGenerated".split(" ")) {
            expected.put(name, "datetime");
        }
        expected.put("IncidentNumber", "int");
        for (String name : "AdditionalData AlertIds BookmarkIds Comments Labels Owner RelatedAnalyticRuleIds Tasks".split(" ")) {
            expected.put(name, "dynamic");
        }

        assertThat(typesByName(BuiltInTables.SECURITY_INCIDENT)).isEqualTo(expected);
    }

    @Test
    void testSecurityIoTRawEventHasTheColumnsOfTheReference() {
        Map<String, String> expected = new TreeMap<>();
        for (String name : ("AgentVersion AssociatedResourceId AzureSubscriptionId DeviceId EventDetails IoTRawEventId"
                + " RawEventCategory RawEventName RawEventType TenantId Type _IsBillable").split(" ")) {
            expected.put(name, "string");
        }
        expected.put("IsEmpty", "bool");
        expected.put("TimeGenerated", "datetime");
        expected.put("TimeStamp", "datetime");
        expected.put("_BilledSize", "real");

        assertThat(typesByName(BuiltInTables.SECURITY_IOT_RAW_EVENT)).isEqualTo(expected);
    }

    @Test
    void testEveryBuiltInTableHasTheStandardColumns() {
        for (WorkspaceTable table : BuiltInTables.ALL) {
            assertThat(table.columns()).as(table.name()).containsAll(StandardColumns.ALL);
        }
    }

    @Test
    void testBuiltInTablesAreFoundByExactName() {
        assertThat(BuiltInTables.named("SecurityAlert")).contains(BuiltInTables.SECURITY_ALERT);
        assertThat(BuiltInTables.named("securityalert")).isEmpty();
        assertThat(BuiltInTables.SECURITY_ALERT.column("TimeGenerated")).contains(new ColumnSchema("TimeGenerated", KqlType.DATETIME));
    }

    private static Map<String, String> typesByName(WorkspaceTable table) {
        Map<String, String> types = new TreeMap<>();
        for (ColumnSchema column : table.columns()) {
            assertThat(types.put(column.name(), column.type().kqlName())).as("duplicate column " + column.name()).isNull();
        }
        return types;
    }
}
