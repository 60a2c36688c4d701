package dev.vigil.server.api.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.server.testing.TestClock;
import dev.vigil.soc.testing.Eventually;
import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.soc.rule.DetectionQuery;
import dev.vigil.soc.rule.QueryRuleProperties;
import dev.vigil.soc.rule.template.AlertRuleTemplate;
import dev.vigil.soc.rule.template.AlertRuleTemplates;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A solution folder installs in one step: each item answered with what it needs; workbooks and Vigil playbooks saved, Logic Apps refused. */
class TestContentPackRoutes {
    private static final String INSTALL = "/api/workspaces/default/contentPacks/install";

    private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.HOURS));

    @RegisterExtension
    final RunningServer server = RunningServer.perTest().withClock(clock);

    private JsonNode install(String name, List<Map<String, String>> files, boolean enabled) {
        HttpResponse<String> response = server.postJson(INSTALL, Map.of("name", name, "files", files, "enabled", enabled));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response);
    }

    private static List<Map<String, String>> sshPackWithWorkbookAndPlaybook() {
        List<Map<String, String>> files = new ArrayList<>(ContentFixtures.packFiles(ContentFixtures.solution()));
        files.add(Map.of("name", "Workbooks/SshOverview.json", "content", "{\"version\":\"Notebook/1.0\",\"items\":[]}"));
        files.add(Map.of("name", "Playbooks/Block-SshSource/azuredeploy.json", "content",
                "{\"resources\":[{\"type\":\"Microsoft.Logic/workflows\",\"name\":\"Block-SshSource\",\"properties\":{}}]}"));
        files.add(Map.of("name", "Playbooks/Block-SshSource/readme.md", "content", "# Block the source of SSH guessing"));
        files.add(Map.of("name", "Playbooks/note-ssh.yaml", "content", "description: Notes SSH incidents\ntriggers: [{kind: incident}]\n"
                + "steps:\n  - id: note\n    type: addComment\n    message: \"SSH incident {{ IncidentNumber }}\"\n"));
        files.add(Map.of("name", "SolutionMetadata.json", "content", "{\"publisherId\":\"vigil\"}"));
        return files;
    }

    private static Map<String, String> byFile(JsonNode answer, String field) {
        Map<String, String> found = new LinkedHashMap<>();
        answer.path("value").forEach(item -> found.put(item.path("file").asText() + (item.has("id") ? "#" + item.path("id").asText() : ""),
                item.path(field).isValueNode() ? item.path(field).asText() : item.path(field).toString()));
        return found;
    }

    @Test
    void testASolutionInstallsInOneStepSayingWhatEachItemNeeds() {
        JsonNode answer = install("SshSolution", sshPackWithWorkbookAndPlaybook(), false);

        assertThat(answer.path("pack").asText()).isEqualTo("SshSolution");
        assertThat(answer.path("summary").toString()).isEqualTo("{\"Imported\":9,\"Updated\":0,\"Unchanged\":0,\"Refused\":1}");
        assertThat(answer.path("value").path(0).path("kind").asText()).isEqualTo("Function");
        Map<String, String> needs = byFile(answer, "needs");
        assertThat(needs.get("Analytic Rules/SshPasswordGuessing.yaml#" + ContentFixtures.SSH_RULE_ID))
                .isEqualTo("{\"tables\":[\"Syslog\"],\"connectors\":[\"SyslogAma\"],\"settings\":[]}");
        assertThat(needs.get("Analytic Rules/RootLogonFailures.yaml#" + ContentFixtures.PARSER_RULE_ID)).contains("\"tables\":[\"Syslog\"]");
        assertThat(needs.get("Hunting Queries/SshLogonsAfterFailures.yaml#5d1c9a7e-8b3f-4e26-a0d4-7c9e2b1f6a35"))
                .isEqualTo("{\"tables\":[\"Syslog\"],\"connectors\":[\"SyslogAma\"],\"settings\":[]}");
        Map<String, String> statuses = byFile(answer, "status");
        assertThat(statuses.get("Workbooks/SshOverview.json#SshOverview")).isEqualTo("Imported");
        assertThat(statuses.get("Playbooks/note-ssh.yaml#note-ssh")).isEqualTo("Imported");
        assertThat(byFile(answer, "refusal").get("Playbooks/Block-SshSource/azuredeploy.json#Block-SshSource"))
                .contains("\"reason\":\"UnsupportedFormat\"").contains("is a Logic App").contains("Vigil runs playbooks written as its own YAML or JSON");
        assertThat(server.get("/api/workspaces/default/workbooks/SshOverview").statusCode()).isEqualTo(200);
        assertThat(RunningServer.json(server.get("/api/workspaces/default/playbooks/note-ssh")).toString()).contains("Notes SSH incidents");
        assertThat(answer.path("needs").path("tables").toString()).contains("{\"name\":\"Syslog\",\"rows\":0}")
                .contains("{\"name\":\"SecurityEvent\",\"rows\":0}");
        assertThat(answer.path("needs").path("connectors").toString()).contains("SyslogAma");
        assertThat(answer.path("skipped").toString()).isEqualTo("[\"Playbooks/Block-SshSource/readme.md\",\"SolutionMetadata.json\"]");
        assertThat(server.get("/api/workspaces/default/huntingQueries/5d1c9a7e-8b3f-4e26-a0d4-7c9e2b1f6a35").statusCode()).isEqualTo(200);
    }

    @Test
    void testAPlaybookSaysWhatItsStepsUse() {
        String playbook = """
                description: Contains a device
                triggers: [{kind: incident}]
                secrets: {token: t}
                smtp: {host: mail.example, port: 25, from: soc@example.com}
                steps:
                  - {id: hits, type: query, query: "Syslog | where Computer == tostring(Entities[0].HostName) | count"}
                  - id: each
                    type: forEach
                    items: Entities
                    limit: 5
                    steps:
                      - {id: off, type: disableDevice, hub: plant, deviceId: "{{ tostring(item.DeviceId) }}"}
                  - {id: tell, type: http, url: "https://hooks.example/soc", body: {n: 1}}
                  - {id: mail, type: email, to: soc@example.com, subject: Contained, body: done}
                """;
        JsonNode answer = install("Containment", List.of(Map.of("name", "Playbooks/contain.yaml", "content", playbook)), false);

        assertThat(answer.path("summary").path("Imported").asInt()).as(answer.toString()).isEqualTo(1);
        JsonNode needs = answer.path("value").path(0).path("needs");
        assertThat(needs.path("tables").toString()).isEqualTo("[\"Syslog\"]");
        assertThat(needs.path("connectors").toString()).isEqualTo("[\"IoT\"]");
        assertThat(needs.path("settings").toString()).contains("outgoing HTTP (loopback and private addresses only with --playbook-http-allow)")
                .contains("the SMTP server the playbook names").contains("secrets token");
        assertThat(answer.path("needs").path("settings")).isEqualTo(needs.path("settings"));
    }

    @Test
    void testInstallingTwiceChangesNothing() {
        install("SshSolution", sshPackWithWorkbookAndPlaybook(), false);

        JsonNode again = install("SshSolution", sshPackWithWorkbookAndPlaybook(), false);

        assertThat(again.path("summary").toString()).isEqualTo("{\"Imported\":0,\"Updated\":0,\"Unchanged\":9,\"Refused\":1}");
    }

    @Test
    void testTheIotOtPackInstallsVigilsOwnRulesAsTheGalleryHasThem() {
        JsonNode answer = install("Vigil IoT OT", ContentFixtures.packFiles(ContentFixtures.iotOtPack()), false);

        assertThat(answer.path("summary").path("Refused").asInt()).as(answer.toString()).isZero();
        AlertRuleTemplates gallery = AlertRuleTemplates.builtIn();
        List<String> installed = new ArrayList<>();
        answer.path("value").forEach(item -> {
            if (item.path("kind").asText().equals("AlertRule")) {
                installed.add(item.path("id").asText());
            }
        });
        List<AlertRuleTemplate> scheduled = gallery.list().stream().filter(t -> t.properties().kind() == AlertRuleKind.SCHEDULED).toList();
        assertThat(installed).containsExactlyInAnyOrderElementsOf(scheduled.stream().map(AlertRuleTemplate::id).toList());
        for (AlertRuleTemplate template : scheduled) {
            JsonNode rule = RunningServer.json(server.get("/api/workspaces/default/alertRules/" + template.id())).path("properties");
            DetectionQuery detection = ((QueryRuleProperties) template.properties()).detection();
            assertThat(rule.path("displayName").asText()).isEqualTo(template.properties().displayName());
            assertThat(rule.path("query").asText().strip()).isEqualTo(detection.query().strip());
            assertThat(rule.path("severity").asText()).isEqualTo(detection.severity().name());
            assertThat(rule.path("entityMappings").size()).isEqualTo(detection.entityMappings().size());
        }
        // the rules, two hunting queries, a workbook and two playbooks
        assertThat(answer.path("summary").path("Imported").asInt()).isEqualTo(scheduled.size() + 5);
        assertThat(byFile(answer, "status")).containsEntry("Workbooks/IoTOTDeviceActivity.json#IoTOTDeviceActivity", "Imported")
                .containsEntry("Playbooks/NoteFailedDeviceLogins.yaml#NoteFailedDeviceLogins", "Imported")
                .containsEntry("Playbooks/RaisePLCStopIncidents.yaml#RaisePLCStopIncidents", "Imported");
        JsonNode workbook = RunningServer.json(server.get("/api/workspaces/default/workbooks/IoTOTDeviceActivity")).path("properties");
        assertThat(workbook.path("displayName").asText()).isEqualTo("IoT/OT device activity");
        assertThat(workbook.path("category").asText()).isEqualTo("Vigil IoT OT");
        assertThat(answer.path("needs").path("tables").toString())
                .isEqualTo("[{\"name\":\"SecurityAlert\",\"rows\":0},{\"name\":\"SecurityIoTRawEvent\",\"rows\":0}]");
        assertThat(answer.path("needs").path("connectors").toString()).isEqualTo("[\"IoT\"]");
    }

    /** Installs the IoT/OT pack with its rules enabled and sends an OT sensor's PLC stop alert, an hour before the rules run. */
    private void plcStopAlertThroughTheInstalledRules() {
        install("Vigil IoT OT", ContentFixtures.packFiles(ContentFixtures.iotOtPack()), true);
        server.server().awaitAnalytics();
        Instant at = clock.instant().plusSeconds(60);
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("TimeGenerated", at.toString());
        alert.put("AlertName", "PLC Stop Command Was Sent");
        alert.put("DisplayName", "PLC Stop Command Was Sent");
        alert.put("AlertSeverity", "High");
        alert.put("Description", "A stop command reached plc-7");
        alert.put("ProviderName", "IoTSecurity");
        alert.put("SystemAlertId", "a-1");
        alert.put("StartTime", at.toString());
        alert.put("EndTime", at.toString());
        alert.put("ExtendedProperties", "{\"DeviceId\":\"plc-7\",\"SourceDeviceAddress\":\"10.3.0.9\",\"Protocol\":\"S7\",\"isNew\":\"True\"}");
        server.writeAsVigil("SecurityAlert", List.of(alert));

        clock.advance(Duration.ofHours(1));
        server.server().awaitAnalytics();
    }

    @Test
    void testAnInstalledIotOtRuleRaisesItsAlert() {
        plcStopAlertThroughTheInstalledRules();

        JsonNode raised = server.query("SecurityAlert | where ProviderName == 'ASI Scheduled Alerts' | project AlertName, CompromisedEntity");
        assertThat(raised.path("rows").toString()).isEqualTo("[[\"(MDIoT) PLC Stop Command Was Sent\",\"plc-7\"]]");
    }

    @Test
    void testTheIotOtPacksPlaybookLabelsAndRaisesAnIncidentOfAPlcStop() {
        plcStopAlertThroughTheInstalledRules();
        JsonNode incident = Eventually.await("the PLC stop rule's incident", () -> RunningServer.json(server.get("/api/workspaces/default/incidents"))
                .path("value"), value -> value.size() > 0).get(0);
        assertThat(incident.path("properties").path("labels").toString()).doesNotContain("plc-stop");

        HttpResponse<String> started = server.postJson("/api/workspaces/default/playbooks/RaisePLCStopIncidents/runs",
                Map.of("incident", incident.path("name").asText()));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String runId = RunningServer.json(started).path("runId").asText();
        JsonNode run = Eventually.await("the playbook's run finishing", () -> RunningServer.json(server.get(
                "/api/workspaces/default/playbooks/RaisePLCStopIncidents/runs/" + runId)), found -> found.path("status").asText().matches("Succeeded|Failed"));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("Succeeded");
        JsonNode changed = RunningServer.json(server.get("/api/workspaces/default/incidents/" + incident.path("name").asText())).path("properties");
        assertThat(changed.path("severity").asText()).isEqualTo("High");
        assertThat(changed.path("labels").toString()).contains("plc-stop");
        assertThat(server.get("/api/workspaces/default/incidents/" + incident.path("name").asText() + "/comments").body())
                .contains("A stop command reached a PLC ((MDIoT) PLC Stop Command Was Sent); severity raised to High.");
    }

    @Test
    void testTheIotOtPacksHuntingQueryFindsFailedLoginsOnDevices() {
        install("Vigil IoT OT", ContentFixtures.packFiles(ContentFixtures.iotOtPack()), false);
        Instant at = clock.instant().minusSeconds(600);
        List<Map<String, Object>> events = new ArrayList<>();
        for (String[] login : new String[][] {{"plc-7", "root", "Fail"}, {"plc-7", "admin", "Fail"}, {"plc-7", "root", "Success"}, {"plc-9", "root", "Fail"}}) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("TimeGenerated", at.toString());
            event.put("DeviceId", login[0]);
            event.put("RawEventName", "Login");
            event.put("RawEventCategory", "Triggered");
            event.put("EventDetails", "[{\"UserName\":\"" + login[1] + "\",\"Result\":\"" + login[2] + "\",\"RemoteAddress\":\"10.3.0.9\"}]");
            events.add(event);
        }
        server.writeAsVigil("SecurityIoTRawEvent", events);

        HttpResponse<String> run = server.postJson("/api/workspaces/default/huntingQueries/3f6b9d2e-8a41-4c7e-b5d0-2e9a7c1f4b63/run",
                Map.of("startTime", clock.instant().minus(Duration.ofHours(1)).toString(), "endTime", clock.instant().toString()));

        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        List<JsonNode> rows = RunningServer.rowsByColumnName(RunningServer.json(run).path("tables").path(0));
        assertThat(rows).extracting(row -> row.path("DeviceId").asText() + " " + row.path("Failures").asInt())
                .containsExactly("plc-7 2", "plc-9 1");
        assertThat(rows.get(0).path("Users").toString()).contains("root").contains("admin");
    }

    @Test
    void testAPackNeedsAName() {
        HttpResponse<String> response = server.postJson(INSTALL, Map.of("files", ContentFixtures.packFiles(ContentFixtures.solution())));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("error").path("message").asText()).startsWith("a content pack needs a name");
    }
}
