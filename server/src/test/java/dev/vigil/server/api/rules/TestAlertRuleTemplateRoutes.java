package dev.vigil.server.api.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestAlertRuleTemplateRoutes {
    private static final String TEMPLATES = "/api/workspaces/default/alertRuleTemplates";
    private static final String IOT_INCIDENTS = "a2e0eb51-1f11-461a-999b-cd0ebe5c7a72";

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testGalleryListsTemplatesAndCountsRulesMadeFromThem() {
        JsonNode gallery = RunningServer.json(server.get(TEMPLATES)).path("value");
        assertThat(gallery).hasSize(16);
        JsonNode incidents = RunningServer.json(server.get(TEMPLATES + "/" + IOT_INCIDENTS));
        assertThat(incidents.path("kind").asText()).isEqualTo("MicrosoftSecurityIncidentCreation");
        assertThat(incidents.path("properties").path("productFilter").asText()).isEqualTo("Azure Security Center for IoT");
        assertThat(incidents.path("properties").path("alertRulesCreatedByTemplateCount").asLong()).isZero();

        HttpResponse<String> created = server.sendJson("POST", TEMPLATES + "/" + IOT_INCIDENTS + "/createRule", server.apiKey(),
                Map.of("ruleId", "iot-incidents"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode rule = RunningServer.json(created);
        assertThat(rule.path("properties").path("alertRuleTemplateName").asText()).isEqualTo(IOT_INCIDENTS);
        assertThat(rule.path("properties").path("enabled").asBoolean()).isTrue();
        assertThat(RunningServer.json(server.get(TEMPLATES + "/" + IOT_INCIDENTS)).path("properties").path("alertRulesCreatedByTemplateCount")
                .asLong()).isEqualTo(1);
    }

    @Test
    void testScheduledTemplateBecomesAScheduledRule() {
        JsonNode scheduled = null;
        for (JsonNode template : RunningServer.json(server.get(TEMPLATES)).path("value")) {
            if (template.path("source").asText().equals("IoTMalware")) {
                scheduled = template;
            }
        }
        assertThat(scheduled).isNotNull();
        HttpResponse<String> created = server.sendJson("POST", TEMPLATES + "/" + scheduled.path("name").asText() + "/createRule", server.apiKey(),
                Map.of("enabled", false));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode properties = RunningServer.json(created).path("properties");
        assertThat(properties.path("queryFrequency").asText()).isEqualTo("PT5M");
        assertThat(properties.path("enabled").asBoolean()).isFalse();
        assertThat(properties.path("eventGroupingSettings").path("aggregationKind").asText()).isEqualTo("AlertPerResult");
    }

    @Test
    void testUnknownTemplateIs404() {
        HttpResponse<String> missing = server.get(TEMPLATES + "/no-such-template");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(missing).path("error").path("message").asText()).isEqualTo("there is no analytics rule template 'no-such-template'");
    }
}
