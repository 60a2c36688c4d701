package dev.vigil.server.api.content;

import static dev.vigil.server.api.content.ContentFixtures.ARM_RULE_ID;
import static dev.vigil.server.api.content.ContentFixtures.NRT_RULE_ID;
import static dev.vigil.server.api.content.ContentFixtures.PARSER_RULE_ID;
import static dev.vigil.server.api.content.ContentFixtures.SSH_RULE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.server.testing.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestContentImportRoutes {
    private static final String RULES = "/api/workspaces/default/alertRules/import";
    private static final String FUNCTIONS = "/api/workspaces/default/functions/import";

    private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));

    @RegisterExtension
    final RunningServer server = RunningServer.perTest().withClock(clock);

    private JsonNode importAll(boolean enabled) {
        HttpResponse<String> parsers = server.postJson(FUNCTIONS, Map.of("files", ContentFixtures.files("Parsers")));
        assertThat(parsers.statusCode()).as(parsers.body()).isEqualTo(200);
        HttpResponse<String> rules = server.postJson(RULES, Map.of("files", ContentFixtures.files("Analytic Rules"), "enabled", enabled));
        assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
        return RunningServer.json(rules);
    }

    private static List<String> statuses(JsonNode answer) {
        List<String> statuses = new ArrayList<>();
        answer.path("value").forEach(item -> statuses.add(item.path("id").asText() + " " + item.path("status").asText()));
        return statuses;
    }

    private void ingest(String table, List<Map<String, Object>> rows) {
        HttpResponse<String> response = server.postJson("/api/workspaces/default/tables/" + table + "/rows", rows);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static Map<String, Object> row(Instant at, Object... namesAndValues) {
        Map<String, Object> row = new HashMap<>();
        row.put("TimeGenerated", at.toString());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void importedRulesRunOnRowsIngestedIntoStandardTablesAndRaiseTheirAlerts() {
        Instant start = clock.instant();
        JsonNode answer = importAll(true);
        assertThat(statuses(answer)).containsExactly(ARM_RULE_ID + " Imported", NRT_RULE_ID + " Imported", PARSER_RULE_ID + " Imported",
                SSH_RULE_ID + " Imported");
        assertThat(answer.path("summary").path("Imported").asInt()).isEqualTo(4);
        server.server().awaitAnalytics();

        Instant at = start.plusSeconds(60);
        List<Map<String, Object>> syslog = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            syslog.add(row(at, "Computer", "web-1", "ProcessName", "sshd", "SyslogMessage", "Failed password for root from 10.0.0.9 port 4" + i));
        }
        syslog.add(row(at, "Computer", "web-2", "ProcessName", "sshd", "SyslogMessage", "Failed password for bob from 10.0.0.8 port 22"));
        ingest("Syslog", syslog);
        ingest("SecurityEvent", List.of(
                row(at, "EventID", 4732, "Computer", "ws-7", "MemberName", "CONTOSO\\mallory", "TargetUserName", "Administrators"),
                row(at, "EventID", 4625, "Computer", "dc-1"), row(at, "EventID", 4625, "Computer", "dc-1"),
                row(at, "EventID", 4625, "Computer", "dc-1")));
        clock.advance(Duration.ofMinutes(5));
        server.server().awaitAnalytics();

        JsonNode alerts = server.query("SecurityAlert | where ProviderName == 'ASI Scheduled Alerts' | sort by AlertName asc"
                + " | project AlertName, AlertSeverity, CompromisedEntity, ProductComponentName");
        assertThat(alerts.path("rows").toString()).isEqualTo("[[\"Logon failures on a domain controller\",\"Low\",\"dc-1\",\"Scheduled Alerts\"],"
                + "[\"Member added to a local Administrators group\",\"High\",\"ws-7\",\"NRT Alerts\"],"
                + "[\"SSH password guessing on web-1 from 10.0.0.9\",\"Medium\",\"web-1\",\"Scheduled Alerts\"]]");
    }

    @Test
    void sigmaRulesImportedThroughTheApiRunOnStandardTablesAndRaiseTheirAlerts() {
        Instant start = clock.instant();
        JsonNode answer = RunningServer.json(server.postJson(RULES, Map.of("files", ContentFixtures.sigmaFiles(), "enabled", true)));
        assertThat(answer.path("summary").toString()).isEqualTo("{\"Imported\":3,\"Updated\":0,\"Unchanged\":0,\"Refused\":0}");
        server.server().awaitAnalytics();

        Instant at = start.plusSeconds(60);
        ingest("Syslog", List.of(
                row(at, "Computer", "web-1", "ProcessName", "sshd", "SyslogMessage", "Failed password for root from 203.0.113.7 port 22 ssh2"),
                row(at, "Computer", "web-2", "ProcessName", "sshd", "SyslogMessage", "Failed password for root from 10.99.0.1 port 22 ssh2")));
        ingest("CommonSecurityLog", List.of(
                row(at, "SourceIP", "10.0.0.6", "DestinationIP", "203.0.113.9", "DestinationPort", 4444, "DeviceAction", "allowed"),
                row(at, "SourceIP", "10.0.0.7", "DestinationIP", "203.0.113.9", "DestinationPort", 4444, "DeviceAction", "deny")));
        server.writeAsVigil("SecurityIoTRawEvent", List.of(row(at, "DeviceId", "plc-8", "RawEventName", "Login", "EventDetails", "{\"Result\":\"Fail\"}")));
        clock.advance(Duration.ofMinutes(5));
        server.server().awaitAnalytics();

        JsonNode alerts = server.query("SecurityAlert | where ProviderName == 'ASI Scheduled Alerts' | sort by AlertName asc"
                + " | project AlertName, AlertSeverity, Tactics");
        assertThat(alerts.path("rows").toString()).isEqualTo("[[\"Failed logins on an industrial controller\",\"Low\",\"InitialAccess\"],"
                + "[\"Firewall allowed traffic to a reverse shell port\",\"High\",\"CommandAndControl\"],"
                + "[\"SSH password failures for root\",\"Medium\",\"CredentialAccess\"]]");
        JsonNode again = RunningServer.json(server.postJson(RULES, Map.of("files", ContentFixtures.sigmaFiles(), "enabled", true)));
        assertThat(again.path("summary").path("Unchanged").asInt()).isEqualTo(3);
    }

    @Test
    void rulesAreImportedDisabledUnlessAsked() {
        importAll(false);

        JsonNode rule = RunningServer.json(server.get("/api/workspaces/default/alertRules/" + SSH_RULE_ID));
        assertThat(rule.path("properties").path("enabled").asBoolean()).isFalse();
        assertThat(rule.path("properties").path("displayName").asText()).isEqualTo("SSH password guessing on a host");
    }

    @Test
    void importingTheSameFilesTwiceChangesNothing() {
        importAll(false);
        String etag = RunningServer.json(server.get("/api/workspaces/default/alertRules/" + SSH_RULE_ID)).path("etag").asText();

        JsonNode parsers = RunningServer.json(server.postJson(FUNCTIONS, Map.of("files", ContentFixtures.files("Parsers"))));
        JsonNode again = importAll(false);

        assertThat(parsers.path("summary").path("Unchanged").asInt()).isEqualTo(2);
        assertThat(again.path("summary").toString()).isEqualTo("{\"Imported\":0,\"Updated\":0,\"Unchanged\":4,\"Refused\":0}");
        assertThat(RunningServer.json(server.get("/api/workspaces/default/alertRules/" + SSH_RULE_ID)).path("etag").asText()).isEqualTo(etag);
    }

    @Test
    void aRuleCallingAParserThatIsNotImportedIsRefusedNamingIt() {
        HttpResponse<String> response = server.postJson(RULES, Map.of("files", ContentFixtures.files("Analytic Rules")));

        JsonNode refused = RunningServer.json(response).path("value").path(2);
        assertThat(refused.path("id").asText()).isEqualTo(PARSER_RULE_ID);
        assertThat(refused.path("status").asText()).isEqualTo("Refused");
        assertThat(refused.path("refusal").path("reason").asText()).isEqualTo("MissingTableOrFunction");
        assertThat(refused.path("refusal").path("message").asText()).contains("_Im_Authentication_Ssh");
        assertThat(refused.path("refusal").path("line").asInt()).isEqualTo(1);
        assertThat(refused.path("refusal").path("column").asInt()).isEqualTo(1);
    }

    @Test
    void aSingleFileCanBeTheWholeBodyAndItsKqlErrorIsPlaced() {
        String yaml = """
                id: 11111111-2222-4333-8444-555555555555
                name: Broken rule
                severity: Low
                kind: NRT
                query: |
                  Syslog
                  | where SyslogMessage == == "x"
                  | take 1
                """;

        HttpResponse<String> response = server.post(RULES + "?name=broken.yaml", "application/yaml", yaml);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode item = RunningServer.json(response).path("value").path(0);
        assertThat(item.path("file").asText()).isEqualTo("broken.yaml");
        assertThat(item.path("refusal").path("reason").asText()).isEqualTo("KqlError");
        assertThat(item.path("refusal").path("line").asInt()).isEqualTo(2);
        assertThat(item.path("refusal").path("column").asInt()).isEqualTo("| where SyslogMessage == ".length() + 1);
        assertThat(item.path("refusal").path("message").asText()).startsWith("the query does not compile: line 2:26: ");
    }

    @Test
    void aReaderMayNotImport() {
        server.createUser("rita", "correct horse battery");
        server.grant("rita", "Reader", "/workspaces/default");
        String key = server.issueKey("rita");

        HttpResponse<String> response = server.sendJson("POST", RULES, key, Map.of("files", ContentFixtures.files("Analytic Rules")));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void anEmptyOrMalformedRequestIsRefused() {
        assertThat(server.post(RULES, "application/yaml", "").statusCode()).isEqualTo(400);
        HttpResponse<String> response = server.postJson(RULES, Map.of("files", List.of(Map.of("name", "x.yaml"))));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("error").path("message").asText()).isEqualTo(
                "files[0] must have a string name and a string content (the file's text)");
    }
}
