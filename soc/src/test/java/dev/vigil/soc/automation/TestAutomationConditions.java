package dev.vigil.soc.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.automation.json.AutomationRuleJson;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentAlert;
import dev.vigil.soc.incident.IncidentChangeKind;
import dev.vigil.soc.incident.IncidentEvent;
import dev.vigil.soc.incident.IncidentLabel;
import dev.vigil.soc.incident.IncidentOwner;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.IncidentStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Conditions as Sentinel evaluates them, on an incident of an IoT alert. */
class TestAutomationConditions {
    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Incident incident = incident();

    @Test
    void testPositiveOperatorsHoldWhenAnyValueMatchesAndNegativeOnesWhenNoneDoes() {
        IncidentEvent created = event(IncidentChangeKind.CREATED, Set.of(), Map.of());
        // the incident's addresses are 10.3.0.7 and 192.168.1.20
        assertThat(holds(created, property("IPAddress", "StartsWith", "192.168."))).isTrue();
        assertThat(holds(created, property("IPAddress", "NotStartsWith", "192.168."))).isFalse();
        assertThat(holds(created, property("IPAddress", "NotEquals", "10.0.0.1"))).isTrue();
        assertThat(holds(created, property("IncidentTitle", "Contains", "REVERSE"))).as("text compares without case").isTrue();
        assertThat(holds(created, property("IncidentTitle", "EndsWith", "plc-8", "plc-7"))).isTrue();
        assertThat(holds(created, property("HostName", "Equals", "anything"))).as("no host entity: no value matches").isFalse();
        assertThat(holds(created, property("HostName", "NotEquals", "anything"))).isTrue();
        assertThat(holds(created, property("AzureResourceResourceId", "EndsWith", "/IotHubs/hub"))).as("a nested entity counts").isTrue();
        assertThat(holds(created, property("IoTDeviceId", "Equals", "plc-7"))).isTrue();
        assertThat(holds(created, property("IncidentLabel", "Equals", "line-3"))).isTrue();
        assertThat(holds(created, property("IncidentTactics", "Contains", "Execution"))).isTrue();
    }

    @Test
    void testChangedToAndChangedFromReadTheTriggeringChange() {
        IncidentEvent severityRaised = event(IncidentChangeKind.UPDATED, Set.of("Severity"), Map.of("Severity", List.of("Low")));

        assertThat(holds(severityRaised, changed("IncidentSeverity", "ChangedFrom", "Equals", "Low"))).isTrue();
        assertThat(holds(severityRaised, changed("IncidentSeverity", "ChangedTo", "Equals", "High"))).isTrue();
        assertThat(holds(severityRaised, changed("IncidentSeverity", "ChangedTo", "Equals", "Medium"))).isFalse();
        assertThat(holds(severityRaised, changed("IncidentStatus", "ChangedTo", "Equals", "Active"))).as("the status did not change").isFalse();
        assertThat(holds(severityRaised, "{\"conditionType\":\"PropertyChanged\",\"conditionProperties\":{\"propertyName\":\"IncidentSeverity\","
                + "\"changeType\":\"ChangedTo\"}}")).as("changed at all").isTrue();
    }

    @Test
    void testAnArrayChangeHoldsOnlyForItemsTheChangeAdded() {
        IncidentEvent labelled = event(IncidentChangeKind.UPDATED, Set.of("Labels"), Map.of("Labels", List.of()));
        IncidentEvent relabelled = event(IncidentChangeKind.UPDATED, Set.of("Labels"), Map.of("Labels", List.of("line-3", "old")));
        String labelsAdded = "{\"conditionType\":\"PropertyArrayChanged\",\"conditionProperties\":{\"arrayType\":\"Labels\",\"changeType\":\"Added\"}}";

        assertThat(holds(labelled, labelsAdded)).isTrue();
        assertThat(holds(relabelled, labelsAdded)).as("a label was removed, none added").isFalse();
    }

    @Test
    void testBooleanGroupsNest() {
        IncidentEvent created = event(IncidentChangeKind.CREATED, Set.of(), Map.of());
        String group = "{\"conditionType\":\"Boolean\",\"conditionProperties\":{\"operator\":\"And\",\"innerConditions\":["
                + property("IncidentSeverity", "Equals", "High") + ",{\"conditionType\":\"Boolean\",\"conditionProperties\":{\"operator\":\"Or\","
                + "\"innerConditions\":[" + property("HostName", "Equals", "gw-01") + "," + property("IoTDeviceId", "StartsWith", "plc-") + "]}}]}}";

        assertThat(holds(created, group)).isTrue();
    }

    @Test
    void testARuleActsOnlyOnItsTriggerWhileEnabledAndUnexpired() throws Exception {
        AutomationRule onCreated = rule("Created", true, Optional.empty());
        TriggeringChange created = TriggeringChange.of(event(IncidentChangeKind.CREATED, Set.of(), Map.of()));
        TriggeringChange updated = TriggeringChange.of(event(IncidentChangeKind.COMMENT_ADDED, Set.of("Comments"), Map.of("Comments", List.of())));

        assertThat(onCreated.actsOn(created, NOW)).isTrue();
        assertThat(onCreated.actsOn(updated, NOW)).isFalse();
        assertThat(rule("Updated", true, Optional.empty()).actsOn(updated, NOW)).isTrue();
        assertThat(rule("Created", false, Optional.empty()).actsOn(created, NOW)).isFalse();
        assertThat(rule("Created", true, Optional.of(NOW)).actsOn(created, NOW)).as("expired at that instant").isFalse();
        assertThat(rule("Created", true, Optional.of(NOW.plusSeconds(1))).actsOn(created, NOW)).isTrue();
    }

    @Test
    void testAWrittenRuleReadsBackTheSame() throws Exception {
        String body = "{\"properties\":{\"displayName\":\"All of it\",\"order\":7,\"triggeringLogic\":{\"isEnabled\":true,"
                + "\"expirationTimeUtc\":\"2027-01-01T00:00:00Z\",\"triggersOn\":\"Incidents\",\"triggersWhen\":\"Updated\",\"conditions\":["
                + changed("IncidentStatus", "ChangedTo", "Equals", "Closed") + ","
                + "{\"conditionType\":\"PropertyArrayChanged\",\"conditionProperties\":{\"arrayType\":\"Alerts\",\"changeType\":\"Added\"}}]},"
                + "\"actions\":[{\"order\":2,\"actionType\":\"AddIncidentTask\",\"actionConfiguration\":{\"title\":\"t\",\"description\":\"d\"}},"
                + "{\"order\":1,\"actionType\":\"ModifyProperties\",\"actionConfiguration\":{\"status\":\"Closed\",\"classification\":\"BenignPositive\","
                + "\"classificationReason\":\"SuspiciousButExpected\",\"classificationComment\":\"known\",\"severity\":\"Low\","
                + "\"owner\":{\"userPrincipalName\":\"bob\"},\"labels\":[{\"labelName\":\"auto\"}]}}]}}";
        AutomationRuleDefinition read = AutomationRuleJson.read(JSON.readTree(body));

        AutomationRuleDefinition again = AutomationRuleJson.read(AutomationRuleJson.definition(read));

        assertThat(again).isEqualTo(read);
        assertThat(read.actions().get(0).order()).isEqualTo(2);
    }

    @Test
    void testAConditionAboutAChangeIsRefusedInARuleOnCreation() {
        String body = "{\"properties\":{\"displayName\":\"x\",\"order\":1,\"triggeringLogic\":{\"isEnabled\":true,\"triggersOn\":\"Incidents\","
                + "\"triggersWhen\":\"Created\",\"conditions\":[{\"conditionType\":\"Boolean\",\"conditionProperties\":{\"operator\":\"Or\","
                + "\"innerConditions\":[" + property("IncidentTitle", "Contains", "a") + "," + changed("IncidentStatus", "ChangedTo", "Equals", "Active")
                + "]}}]},\"actions\":[{\"order\":1,\"actionType\":\"ModifyProperties\",\"actionConfiguration\":{\"severity\":\"High\"}}]}}";

        assertThatThrownBy(() -> AutomationRuleJson.read(JSON.readTree(body))).isInstanceOfSatisfying(InvalidAutomationRuleException.class,
                e -> assertThat(e.path()).isEqualTo("properties.triggeringLogic.conditions[0].conditionProperties.innerConditions[1].conditionProperties"));
    }

    @Test
    void testARuleTriggeredByAlertsTestsTheAlertsPropertiesAndActsOnNoIncidentChange() throws Exception {
        AutomationRule onAlerts = alertRule(property("IncidentSeverity", "Equals", "High") + "," + property("IoTDeviceId", "Equals", "plc-7")
                + "," + property("AlertAnalyticRuleIds", "Equals", "rule-1"));
        TriggeringAlert alert = new TriggeringAlert("w", incident.alerts().get(0), "a shell on the PLC", List.of("rule-1"));
        TriggeringAlert otherDevice = new TriggeringAlert("w", incident.alerts().get(0), "", List.of("rule-2"));

        assertThat(onAlerts.actsOn(TriggeringChange.of(alert), NOW)).isTrue();
        assertThat(onAlerts.actsOn(TriggeringChange.of(otherDevice), NOW)).as("made by another rule").isFalse();
        assertThat(onAlerts.actsOn(TriggeringChange.of(event(IncidentChangeKind.CREATED, Set.of(), Map.of())), NOW)).isFalse();
        assertThat(rule("Created", true, Optional.empty()).actsOn(TriggeringChange.of(alert), NOW)).as("a rule on incidents").isFalse();
    }

    @Test
    void testARuleTriggeredByAlertsIsRefusedWhatAnAlertCannotHave() {
        assertThatThrownBy(() -> alertRule(property("IncidentStatus", "Equals", "New")))
                .isInstanceOfSatisfying(InvalidAutomationRuleException.class, e -> {
                    assertThat(e.path()).isEqualTo("properties.triggeringLogic.conditions[0].conditionProperties.propertyName");
                    assertThat(e.getMessage()).contains("'IncidentStatus' is a property of incidents, not of alerts").contains("AlertProductNames");
                });
        assertThatThrownBy(() -> AutomationRuleJson.read(JSON.readTree(alertRuleBody("Created", "",
                "{\"order\":1,\"actionType\":\"ModifyProperties\",\"actionConfiguration\":{\"severity\":\"High\"}}"))))
                .isInstanceOf(ActionNotAvailableException.class)
                .hasMessage("properties.actions[0].actionType: a rule triggered by alerts can only run playbooks (RunPlaybook)");
        assertThatThrownBy(() -> AutomationRuleJson.read(JSON.readTree(alertRuleBody("Updated", "", RUN_PLAYBOOK))))
                .isInstanceOfSatisfying(InvalidAutomationRuleException.class, e -> assertThat(e.path()).isEqualTo("properties.triggeringLogic.triggersWhen"));
    }

    private static final String RUN_PLAYBOOK = "{\"order\":1,\"actionType\":\"RunPlaybook\",\"actionConfiguration\":{\"logicAppResourceId\":\"p\"}}";

    private static String alertRuleBody(String when, String conditions, String action) {
        return "{\"properties\":{\"displayName\":\"x\",\"order\":1,\"triggeringLogic\":{\"isEnabled\":true,\"triggersOn\":\"Alerts\","
                + "\"triggersWhen\":\"" + when + "\",\"conditions\":[" + conditions + "]},\"actions\":[" + action + "]}}";
    }

    private static AutomationRule alertRule(String conditions) throws Exception {
        AutomationRuleDefinition definition = AutomationRuleJson.read(JSON.readTree(alertRuleBody("Created", conditions, RUN_PLAYBOOK)));
        return new AutomationRule("w", "r", definition.displayName(), definition.order(), definition.triggeringLogic(), definition.actions(), NOW, NOW,
                "admin", "admin", 1);
    }

    private boolean holds(IncidentEvent event, String condition) {
        String body = "{\"properties\":{\"displayName\":\"x\",\"order\":1,\"triggeringLogic\":{\"isEnabled\":true,\"triggersOn\":\"Incidents\","
                + "\"triggersWhen\":\"" + (event.isCreation() ? "Created" : "Updated") + "\",\"conditions\":[" + condition + "]},"
                + "\"actions\":[{\"order\":1,\"actionType\":\"ModifyProperties\",\"actionConfiguration\":{\"severity\":\"High\"}}]}}";
        try {
            AutomationRuleDefinition definition = AutomationRuleJson.read(JSON.readTree(body));
            return definition.triggeringLogic().conditions().get(0).holds(TriggeringChange.of(event));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static AutomationRule rule(String when, boolean enabled, Optional<Instant> expiration) throws Exception {
        String body = "{\"properties\":{\"displayName\":\"x\",\"order\":1,\"triggeringLogic\":{\"isEnabled\":" + enabled + ",\"triggersOn\":\"Incidents\","
                + "\"triggersWhen\":\"" + when + "\"" + expiration.map(time -> ",\"expirationTimeUtc\":\"" + time + "\"").orElse("") + "},"
                + "\"actions\":[{\"order\":1,\"actionType\":\"ModifyProperties\",\"actionConfiguration\":{\"severity\":\"High\"}}]}}";
        AutomationRuleDefinition definition = AutomationRuleJson.read(JSON.readTree(body));
        return new AutomationRule("w", "r", definition.displayName(), definition.order(), definition.triggeringLogic(), definition.actions(), NOW, NOW,
                "admin", "admin", 1);
    }

    private static String property(String name, String operator, String... values) {
        return "{\"conditionType\":\"Property\",\"conditionProperties\":{\"propertyName\":\"" + name + "\",\"operator\":\"" + operator
                + "\",\"propertyValues\":[\"" + String.join("\",\"", values) + "\"]}}";
    }

    private static String changed(String name, String changeType, String operator, String value) {
        return "{\"conditionType\":\"PropertyChanged\",\"conditionProperties\":{\"propertyName\":\"" + name + "\",\"changeType\":\"" + changeType
                + "\",\"operator\":\"" + operator + "\",\"propertyValues\":[\"" + value + "\"]}}";
    }

    private IncidentEvent event(IncidentChangeKind kind, Set<String> changed, Map<String, List<String>> previous) {
        return new IncidentEvent("w", 5, kind, changed, previous, Optional.empty(), incident);
    }

    /** High, Active, labelled line-3, of one IoT alert whose entities are a PLC on a hub, two addresses and no host. */
    private static Incident incident() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("SystemAlertId", "a-1");
        row.put("DisplayName", "Reverse shell");
        row.put("AlertSeverity", "High");
        row.put("ProductName", "Azure Security Center for IoT");
        row.put("StartTime", NOW.toString());
        row.put("Tactics", "Execution, CommandAndControl");
        row.put("Entities", "[{\"$id\":\"1\",\"Type\":\"iotdevice\",\"DeviceId\":\"plc-7\",\"IoTHub\":{\"$id\":\"2\",\"Type\":\"azure-resource\","
                + "\"ResourceId\":\"/subscriptions/s/resourceGroups/g/providers/Microsoft.Devices/IotHubs/hub\"}},"
                + "{\"$id\":\"3\",\"Type\":\"ip\",\"Address\":\"10.3.0.7\"},{\"$id\":\"4\",\"Type\":\"ip\",\"Address\":\"192.168.1.20\"}]");
        return new Incident("w", "name", 7, "alert/a-1", "Reverse shell on plc-7", "", IncidentSeverity.HIGH, IncidentStatus.ACTIVE,
                Optional.empty(), IncidentOwner.UNASSIGNED, List.of(IncidentLabel.user("line-3")), List.of(), List.of(),
                List.of(IncidentAlert.fromSecurityAlert(row)), List.of(), Optional.empty(), Incident.PROVIDER_NAME, NOW, NOW, Optional.empty(),
                Optional.empty(), "test", 2, 5, List.of());
    }
}
