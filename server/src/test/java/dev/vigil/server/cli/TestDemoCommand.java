package dev.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.testing.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDemoCommand {
    private static final Pattern AUTOMATION = Pattern.compile("Automation: rule 'demo-notify' runs playbook 'demo-notify' .* receiver at (http://\\S+)");
    private static final Pattern CONSOLE = Pattern.compile("Console: +(http://\\S+/console) +\\(sign in as admin, password (\\S+), shown once\\)");

    @TempDir
    Path data;

    @Test
    void testTheDemoPrintsTheConsoleAddressAndAPasswordThatSignsIn() throws Exception {
        ChildServer demo = ChildServer.demo(Files.createDirectories(data.resolve("demo")));
        try {
            Matcher console = demo.awaitLine(CONSOLE);
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(console.group(1))).GET().build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(demo.url() + "/api/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + console.group(2) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(console.group(1)).isEqualTo(demo.url() + "/console");
            assertThat(page.statusCode()).as("a console page without a session leads to sign-in").isEqualTo(302);
            assertThat(login.statusCode()).as(login.body()).isEqualTo(201);
        } finally {
            demo.stop();
        }
    }

    @Test
    void testTheDemoEnablesARuleAndPlaybookWhoseRunsPostToItsOwnReceiver() throws Exception {
        ChildServer demo = ChildServer.demo(Files.createDirectories(data.resolve("automation")));
        try {
            Matcher automation = demo.awaitLine(AUTOMATION);
            demo.awaitLine(Pattern.compile("/api/workspaces/default/playbooks/demo-notify/runs"));
            String key = demo.adminKey().orElseThrow();
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            JsonNode rule = json.readTree(send(http, demo, key, "GET", "/api/workspaces/default/automationRules/demo-notify", null).body());
            assertThat(rule.path("properties").path("triggeringLogic").path("isEnabled").asBoolean()).isTrue();
            HttpResponse<String> incident = send(http, demo, key, "POST", "/api/workspaces/default/incidents",
                    "{\"properties\":{\"title\":\"Demo check\",\"severity\":\"High\"}}");
            assertThat(incident.statusCode()).as(incident.body()).isEqualTo(201);

            // a run by hand on that incident, as the rule starts one on each new IoT incident
            HttpResponse<String> started = send(http, demo, key, "POST", "/api/workspaces/default/playbooks/demo-notify/runs",
                    "{\"incident\":\"" + json.readTree(incident.body()).path("name").asText() + "\"}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String run = "/api/workspaces/default/playbooks/demo-notify/runs/" + json.readTree(started.body()).path("runId").asText();
            JsonNode finished = Eventually.await("the demo playbook's run to end", () -> runState(http, demo, key, run),
                    state -> !state.path("status").asText().matches("Waiting|Running"));
            assertThat(finished.path("status").asText()).as(finished.toString()).isEqualTo("Succeeded");
            assertThat(finished.path("steps").get(1).path("input").path("url").asText()).isEqualTo(automation.group(1));
            assertThat(finished.path("steps").get(1).path("output").path("status").asInt()).isEqualTo(204);
        } finally {
            demo.stop();
        }
    }

    /** The run's record as the API answers it. */
    private static JsonNode runState(HttpClient http, ChildServer demo, String key, String run) {
        try {
            return new ObjectMapper().readTree(send(http, demo, key, "GET", run, null).body());
        } catch (Exception e) {
            throw new IllegalStateException("could not read the run " + run, e);
        }
    }

    private static HttpResponse<String> send(HttpClient http, ChildServer demo, String key, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(demo.url() + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
