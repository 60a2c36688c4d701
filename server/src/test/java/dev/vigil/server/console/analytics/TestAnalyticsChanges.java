package dev.vigil.server.console.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.api.rules.RuleBodies;
import dev.vigil.server.console.ConsoleSession;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Analytics' changes over plain HTTP, as the console's scripts send them: refused without the
 * session's CSRF token and for a Reader (with the reason, and nothing saved), and the wizard's
 * refusals naming the field the domain named.
 */
class TestAnalyticsChanges {
    private static final String PASSWORD = "analytics-changes-password";
    private static final String ANALYTICS = "/console/workspaces/default/analytics";
    private static final String RULES = "/api/workspaces/default/alertRules";
    private static final String INCIDENT_CREATION_TEMPLATE = "a2e0eb51-1f11-461a-999b-cd0ebe5c7a72";
    private static final String QUERY = "SecurityAlert | where AlertSeverity == 'High'";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    private static ConsoleSession contributor;
    private static ConsoleSession reader;

    @BeforeAll
    static void users() {
        server.createUser("carol", PASSWORD);
        server.grant("carol", "Contributor", "/workspaces/default");
        server.createUser("rita", PASSWORD);
        server.grant("rita", "Reader", "/workspaces/default");
        contributor = ConsoleSession.signIn(server, "carol", PASSWORD);
        reader = ConsoleSession.signIn(server, "rita", PASSWORD);
        Map<String, Object> existing = RuleBodies.scheduled(QUERY, 0);
        RuleBodies.properties(existing).put("displayName", "Existing rule");
        HttpResponse<String> saved = server.sendJson("PUT", RULES + "/existing", server.apiKey(), existing);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    }

    /** The wizard's form for a new Scheduled rule, every 5 minutes over 5 minutes. */
    private static Map<String, String> wizardForm(String name) {
        Map<String, String> form = new HashMap<>();
        form.put("kind", "Scheduled");
        form.put("name", name);
        form.put("severity", "Medium");
        form.put("query", QUERY);
        form.put("frequencyAmount", "5");
        form.put("frequencyUnit", "Minutes");
        form.put("periodAmount", "5");
        form.put("periodUnit", "Minutes");
        form.put("triggerOperator", "GreaterThan");
        form.put("triggerThreshold", "0");
        form.put("aggregation", "SingleAlert");
        form.put("suppressionAmount", "5");
        form.put("suppressionUnit", "Hours");
        form.put("lookbackAmount", "5");
        form.put("lookbackUnit", "Hours");
        form.put("matchingMethod", "AllEntities");
        form.put("enabled", "true");
        return form;
    }

    private static List<String> ruleNames() {
        List<String> names = new ArrayList<>();
        RunningServer.json(server.get(RULES)).path("value").forEach(rule -> names.add(rule.path("properties").path("displayName").asText()));
        return names;
    }

    private static HttpResponse<String> postWithoutToken(ConsoleSession session, String path, Map<String, String> form) {
        String body = String.join("&", form.entrySet().stream()
                .map(e -> dev.vigil.server.console.layout.ConsolePaths.encode(e.getKey()) + "=" + dev.vigil.server.console.layout.ConsolePaths.encode(e.getValue()))
                .toList());
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Cookie", session.cookie()).header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void testNewChangesWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
        List<String> before = ruleNames();

        HttpResponse<String> create = postWithoutToken(contributor, ANALYTICS + "/new", wizardForm("Forged rule"));
        HttpResponse<String> duplicate = postWithoutToken(contributor, ANALYTICS + "/rules/existing/duplicate", Map.of());
        HttpResponse<String> fromTemplate = postWithoutToken(contributor, ANALYTICS + "/templates/" + INCIDENT_CREATION_TEMPLATE + "/create", Map.of());

        HttpResponse<String> simulate = postWithoutToken(contributor, ANALYTICS + "/dry-run", wizardForm("Forged simulation"));
        HttpResponse<String> refresh = postWithoutToken(contributor, ANALYTICS + "/wizard", wizardForm("Forged refresh"));

        assertThat(List.of(create, duplicate, fromTemplate, simulate, refresh)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("security token");
        });
        assertThat(ruleNames()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void testAReaderIsToldWhyAndNothingIsSaved() {
        List<String> before = ruleNames();
        String reason = "Needs Contributor on workspace 'default'; you have Reader.";

        HttpResponse<String> create = reader.postForm(ANALYTICS + "/new", wizardForm("Reader's rule"));
        HttpResponse<String> edit = reader.postForm(ANALYTICS + "/rules/existing", wizardForm("Renamed by a reader"));
        HttpResponse<String> duplicate = reader.postForm(ANALYTICS + "/rules/existing/duplicate", Map.of());
        HttpResponse<String> fromTemplate = reader.postForm(ANALYTICS + "/templates/" + INCIDENT_CREATION_TEMPLATE + "/create", Map.of());

        assertThat(create.statusCode()).isEqualTo(200);
        assertThat(create.body()).contains("data-testid=\"rule-error\"").contains(reason);
        assertThat(edit.body()).contains(reason);
        assertThat(duplicate.body()).contains("data-testid=\"rules-message\"").contains(reason);
        assertThat(fromTemplate.statusCode()).isEqualTo(403);
        assertThat(fromTemplate.body()).isEqualTo("Needs Contributor on workspace 'default'; you have Reader.");
        assertThat(ruleNames()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void testTheWizardShowsTheDomainsRefusalAtItsField() {
        Map<String, String> tooOften = wizardForm("Too often");
        tooOften.put("frequencyAmount", "1");

        HttpResponse<String> refused = contributor.postForm(ANALYTICS + "/new", tooOften);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("<p class=\"field-error\" id=\"rule-frequency-error\" data-testid=\"field-error\">must be from PT5M to PT336H, not PT1M</p>")
                .contains("aria-invalid=\"true\" aria-describedby=\"rule-frequency-error\"");
        assertThat(ruleNames()).doesNotContain("Too often");

        Map<String, String> wrongColumn = wizardForm("Wrong column");
        wrongColumn.put("entity.0.type", "IoTDevice");
        wrongColumn.put("entity.0.field.0.identifier", "DeviceId");
        wrongColumn.put("entity.0.field.0.column", "NoSuchColumn");
        HttpResponse<String> unknownColumn = contributor.postForm(ANALYTICS + "/new", wrongColumn);
        assertThat(unknownColumn.body()).contains("id=\"entity-0-error\"").contains("the query's results have no column 'NoSuchColumn'");

        HttpResponse<String> created = contributor.postForm(ANALYTICS + "/new", wizardForm("Made by the wizard"));
        assertThat(created.statusCode()).isEqualTo(204);
        assertThat(created.headers().firstValue("HX-Redirect").orElseThrow()).startsWith(ANALYTICS + "/rules/").endsWith("?saved");
        assertThat(ruleNames()).contains("Made by the wizard");
    }

    @Test
    void testAResultsSimulationOfAnUnsavedRuleSavesAndWritesNothing() {
        List<String> before = ruleNames();
        long alerts = server.count("SecurityAlert | count");
        Map<String, String> form = wizardForm("Only simulated");
        form.put("dryRunWindow", "PT1H");

        HttpResponse<String> simulated = reader.postForm(ANALYTICS + "/dry-run", form);

        assertThat(simulated.statusCode()).isEqualTo(200);
        assertThat(simulated.body()).contains("data-testid=\"dry-run-summary\"").contains("over the last hour: 0 of 12 runs");
        assertThat(ruleNames()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(server.count("SecurityAlert | count")).isEqualTo(alerts);
    }
    @Test
    void testAnNrtRuleIsCreatedWithoutASchedule() {
        Map<String, String> form = wizardForm("Near real time");
        form.put("kind", "NRT");
        form.put("frequencyAmount", "not read for NRT");

        HttpResponse<String> created = contributor.postForm(ANALYTICS + "/new", form);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        String id = created.headers().firstValue("HX-Redirect").orElseThrow().replaceAll(".*/rules/([^/?]+).*", "$1");
        JsonNode rule = RunningServer.json(server.get(RULES + "/" + id));
        assertThat(rule.path("kind").asText()).isEqualTo("NRT");
        assertThat(rule.path("properties").has("queryFrequency")).isFalse();
    }

    @Test
    void testTheFormComesBackWithTheRowAddedAndTheQuerysColumnsOffered() {
        Map<String, String> form = wizardForm("Rows");
        form.put("query", "SecurityAlert | project DeviceName = CompromisedEntity, AlertName");
        form.put("action", "addEntity");

        HttpResponse<String> refreshed = contributor.postForm(ANALYTICS + "/wizard", form);

        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(refreshed.body()).contains("The query's result columns: DeviceName, AlertName")
                .contains("<select id=\"entity-0-type\" name=\"entity.0.type\"")
                .contains("<option value=\"DeviceName\"");
    }
}
