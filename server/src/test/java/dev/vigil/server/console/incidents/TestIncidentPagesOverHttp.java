package dev.vigil.server.console.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.console.ConsoleSession;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The incident pages' changes over plain HTTP, as the console's script sends them: refused without the session's
 * CSRF token and without Responder, the incident left as it was; and users' text shown escaped, never as markup.
 */
class TestIncidentPagesOverHttp {
    private static final String PASSWORD = "incident-pages-password";
    private static final String QUEUE = "/console/workspaces/default/incidents";
    private static final String SCRIPT = "<script>window.xssRan=1</script>";
    private static final String HANDLER = "<img src=x onerror=\"window.xssRan=2\">";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    private static ConsoleSession responder;
    private static ConsoleSession reader;

    @BeforeAll
    static void users() {
        server.createUser("responder", PASSWORD);
        server.grant("responder", "Responder", "/workspaces/default");
        server.createUser("reader", PASSWORD);
        server.grant("reader", "Reader", "/workspaces/default");
        responder = ConsoleSession.signIn(server, "responder", PASSWORD);
        reader = ConsoleSession.signIn(server, "reader", PASSWORD);
    }

    /** Every change the incident pages make: each action of an incident's page, and the queue's bulk action. */
    private static List<Map<String, String>> actions() {
        return List.of(Map.of("action", "assign", "owner", "me"), Map.of("action", "status", "status", "Active"),
                Map.of("action", "severity", "severity", "Low"), Map.of("action", "close", "closure", "Undetermined"),
                Map.of("action", "comment", "message", "forged"));
    }

    @Test
    void testEveryChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        long number = createIncident(server, "CSRF target", "High");
        JsonNode before = incident(number);

        for (Map<String, String> action : actions()) {
            HttpResponse<String> single = postWithoutToken(QUEUE + "/" + number, action);
            assertThat(single.statusCode()).as(action + ": " + single.body()).isEqualTo(403);
            Map<String, String> bulk = new java.util.HashMap<>(action);
            bulk.put("incident", Long.toString(number));
            HttpResponse<String> many = postWithoutToken(QUEUE + "/bulk", bulk);
            assertThat(many.statusCode()).as("bulk " + action + ": " + many.body()).isEqualTo(403);
        }

        assertThat(incident(number).path("etag").asText()).isEqualTo(before.path("etag").asText());
        // the same change with the token goes through
        assertThat(responder.postForm(QUEUE + "/" + number, Map.of("action", "severity", "severity", "Low")).body()).contains("severity set to Low");
        assertThat(incident(number).path("properties").path("severity").asText()).isEqualTo("Low");
    }

    @Test
    void testEveryChangeByAReaderIsRefusedWithTheReasonAndChangesNothing() {
        long number = createIncident(server, "Reader target", "Medium");
        JsonNode before = incident(number);

        for (Map<String, String> action : actions()) {
            HttpResponse<String> single = reader.postForm(QUEUE + "/" + number, action);
            assertThat(single.statusCode()).as(action.toString()).isEqualTo(403);
            assertThat(single.body()).contains("Responder");
            Map<String, String> bulk = new java.util.HashMap<>(action);
            bulk.put("incident", Long.toString(number));
            HttpResponse<String> many = reader.postForm(QUEUE + "/bulk", bulk);
            assertThat(many.statusCode()).as("bulk " + action).isEqualTo(403);
        }

        assertThat(incident(number).path("etag").asText()).isEqualTo(before.path("etag").asText());
        assertThat(incident(number).path("properties").path("additionalData").path("commentsCount").asInt()).isZero();
        // the page itself shows the reader the controls disabled, with the reason
        String page = reader.get(QUEUE + "/" + number).body();
        assertThat(page).contains("id=\"incident-reason\">Needs Responder on workspace").contains("you have Reader.").contains("<fieldset disabled>");
    }

    @Test
    void testTitlesAndCommentsWithHtmlAreShownAsText() {
        long number = createIncident(server, "Probe " + SCRIPT + HANDLER, "High");
        HttpResponse<String> commented = responder.postForm(QUEUE + "/" + number, Map.of("action", "comment", "message", "See " + HANDLER + SCRIPT));
        assertThat(commented.statusCode()).isEqualTo(200);

        for (String page : List.of(commented.body(), responder.get(QUEUE + "/" + number).body(), responder.get(QUEUE).body())) {
            assertThat(page).doesNotContain(SCRIPT).doesNotContain("<img src=x").contains("&lt;script&gt;window.xssRan=1&lt;/script&gt;");
        }
        assertThat(commented.body()).contains("See &lt;img src=x onerror=\"window.xssRan=2\"&gt;");
    }

    @Test
    void testAChangeFromAStaleVersionIsNotAppliedAndThePageSaysSo() {
        long number = createIncident(server, "Stale version", "High");
        String seen = incident(number).path("etag").asText();
        HttpResponse<String> meanwhile = server.sendJson("PATCH", "/api/workspaces/default/incidents/" + number, server.apiKey(),
                Map.of("properties", Map.of("severity", "Informational")));
        assertThat(meanwhile.statusCode()).as(meanwhile.body()).isEqualTo(200);

        HttpResponse<String> stale = responder.postForm(QUEUE + "/" + number, Map.of("action", "severity", "severity", "Low", "etag", seen));

        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("data-tone=\"conflict\"").contains("Someone else changed this incident")
                .contains("data-testid=\"incident-severity\">Informational<");
        assertThat(incident(number).path("properties").path("severity").asText()).isEqualTo("Informational");
    }

    @Test
    void testTheQueueFiltersByOwnerUnassignedOrMeAndByProductAndSortsBySeverity() {
        long mine = createIncident(server, "Filter mine", "Low");
        long nobodys = createIncident(server, "Filter nobody's", "High");
        assertThat(responder.postForm(QUEUE + "/" + mine, Map.of("action", "assign", "owner", "me")).body()).contains("assigned to responder");

        assertThat(rows(responder.get(QUEUE + "?search=Filter&owner=me").body())).containsExactly(mine);
        assertThat(rows(responder.get(QUEUE + "?search=Filter&owner=unassigned").body())).containsExactly(nobodys);
        assertThat(rows(responder.get(QUEUE + "?search=Filter&product=" + ConsolePaths.encode("Azure Security Center for IoT")).body())).isEmpty();
        assertThat(rows(responder.get(QUEUE + "?search=Filter&sort=severity").body())).containsExactly(nobodys, mine);
        assertThat(rows(responder.get(QUEUE + "?search=Filter&sort=created-asc").body())).containsExactly(mine, nobodys);
    }

    /** The incident numbers of a queue page's rows, in their order. */
    private static List<Long> rows(String page) {
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr data-incident=\"(\\d+)\"").matcher(page);
        List<Long> numbers = new java.util.ArrayList<>();
        while (row.find()) {
            numbers.add(Long.parseLong(row.group(1)));
        }
        return numbers;
    }

    static long createIncident(RunningServer server, String title, String severity) {
        HttpResponse<String> created = server.sendJson("POST", "/api/workspaces/default/incidents", server.apiKey(),
                Map.of("properties", Map.of("title", title, "severity", severity)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RunningServer.json(created).path("properties").path("incidentNumber").asLong();
    }

    private static JsonNode incident(long number) {
        return RunningServer.json(server.get("/api/workspaces/default/incidents/" + number));
    }

    /** A change as a forged page would send it: the session's cookie rides along, the token does not. */
    private static HttpResponse<String> postWithoutToken(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> ConsolePaths.encode(e.getKey()) + "=" + ConsolePaths.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Cookie", responder.cookie()).header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
