package dev.vigil.soc.rule.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.rule.AggregationKind;
import dev.vigil.soc.rule.InvalidAlertRuleException;
import dev.vigil.soc.rule.MatchingMethod;
import dev.vigil.soc.rule.NrtRuleProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestAlertRuleJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void testLeftOutPropertiesTakeSentinelsDefaults() throws Exception {
        NrtRuleProperties rule = (NrtRuleProperties) AlertRuleJson.read(json(
                "{'kind':'NRT','properties':{'displayName':'d','query':'SecurityAlert','severity':'Low'}}"));
        assertThat(rule.enabled()).isTrue();
        assertThat(rule.detection().aggregationKind()).isEqualTo(AggregationKind.SingleAlert);
        assertThat(rule.detection().suppressionEnabled()).isFalse();
        assertThat(rule.detection().incidentConfiguration().createIncident()).isTrue();
        assertThat(rule.detection().incidentConfiguration().groupingConfiguration().lookbackDuration()).isEqualTo(Duration.ofHours(5));
        assertThat(rule.detection().incidentConfiguration().groupingConfiguration().matchingMethod()).isEqualTo(MatchingMethod.AllEntities);
    }

    @Test
    void testEachWrongPropertyIsNamedWithWhatIsWrong() {
        assertRefused("{'properties':{}}", "kind: is required (one of Scheduled, NRT, MicrosoftSecurityIncidentCreation)");
        assertRefused("{'kind':'Fusion','properties':{}}", "kind: 'Fusion' is not one of Scheduled, NRT, MicrosoftSecurityIncidentCreation");
        assertRefused("{'kind':'NRT','properties':{'query':'T','severity':'Low'}}", "properties.displayName: is required");
        assertRefused("{'kind':'NRT','properties':{'displayName':'d','query':'T','severity':'Severe'}}",
                "properties.severity: 'Severe' is not one of Informational, Low, Medium, High");
        assertRefused("{'kind':'NRT','properties':{'displayName':'d','query':'T','severity':'Low','tactics':['Hacking']}}",
                "properties.tactics: 'Hacking' is not one of Reconnaissance");
        assertRefused("{'kind':'NRT','properties':{'displayName':'d','query':'T','severity':'Low','techniques':['1110']}}",
                "properties.techniques: '1110' is not an ATT&CK technique id");
        assertRefused("{'kind':'NRT','properties':{'displayName':'d','query':'T','severity':'Low','entityMappings':[{'entityType':'IoTDevice',"
                + "'fieldMappings':[{'identifier':'Address','columnName':'Ip'}]}]}}",
                "properties.entityMappings[0].fieldMappings[0].identifier: 'Address' is not an identifier of IoTDevice");
        assertRefused("{'kind':'Scheduled','properties':{'displayName':'d','query':'T','severity':'Low','queryFrequency':'PT1M',"
                + "'queryPeriod':'PT5M','triggerOperator':'GreaterThan','triggerThreshold':0}}", "properties.queryFrequency: must be from PT5M to PT336H, not PT1M");
        assertRefused("{'kind':'Scheduled','properties':{'displayName':'d','query':'T','severity':'Low','queryFrequency':'PT5M',"
                + "'queryPeriod':'PT5M','triggerOperator':'GreaterThan','triggerThreshold':-1}}", "properties.triggerThreshold: must be a whole number from 0 to 10000");
        assertRefused("{'kind':'NRT','properties':{'displayName':'d','query':'T','severity':'Low','incidentConfiguration':{'groupingConfiguration':"
                + "{'matchingMethod':'Some'}}}}", "properties.incidentConfiguration.groupingConfiguration.matchingMethod: 'Some' is not one of AllEntities");
    }

    private static void assertRefused(String body, String message) {
        assertThatThrownBy(() -> AlertRuleJson.read(json(body))).isInstanceOf(InvalidAlertRuleException.class).hasMessageStartingWith(message);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }
}
