package dev.vigil.server.api.hunting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.api.content.ContentFixtures;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.server.testing.TestClock;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hunting queries imported as content, run over a window, and their rows bookmarked and attached to incidents. */
class TestHuntingRoutes {
    private static final String IMPORT = "/api/workspaces/default/alertRules/import";
    private static final String QUERY_ID = "5d1c9a7e-8b3f-4e26-a0d4-7c9e2b1f6a35";
    private static final String QUERY = "/api/workspaces/default/huntingQueries/" + QUERY_ID;
    private static final String BOOKMARKS = "/api/workspaces/default/bookmarks";

    private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));

    @RegisterExtension
    final RunningServer server = RunningServer.perTest().withClock(clock);

    private JsonNode importHuntingQueries() {
        HttpResponse<String> response = server.postJson(IMPORT, Map.of("files", ContentFixtures.files("Hunting Queries")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response);
    }

    private void syslog(Instant at, String computer, String message) {
        HttpResponse<String> response = server.postJson("/api/workspaces/default/tables/Syslog/rows", List.of(Map.of("TimeGenerated", at.toString(),
                "Computer", computer, "ProcessName", "sshd", "SyslogMessage", message)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private JsonNode run(Instant start, Instant end) {
        HttpResponse<String> response = server.postJson(QUERY + "/run", Map.of("startTime", start.toString(), "endTime", end.toString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response);
    }

    @Test
    void testAHuntingQueryFileIsToldApartFromARuleAndImportedOnceOnly() {
        JsonNode first = importHuntingQueries();
        JsonNode again = importHuntingQueries();

        assertThat(first.path("value").path(0).path("kind").asText()).isEqualTo("HuntingQuery");
        assertThat(first.path("value").path(0).path("status").asText()).isEqualTo("Imported");
        assertThat(again.path("value").path(0).path("status").asText()).isEqualTo("Unchanged");
        assertThat(again.path("value").path(0).path("note").asText()).isEqualTo("version 1.0.0 is installed");
        JsonNode listed = RunningServer.json(server.get("/api/workspaces/default/huntingQueries")).path("value");
        assertThat(listed).hasSize(1);
        assertThat(listed.path(0).path("properties").path("displayName").asText()).isEqualTo("SSH failures by source address");
        assertThat(listed.path(0).path("properties").path("tactics").toString()).isEqualTo("[\"CredentialAccess\"]");
        assertThat(listed.path(0).path("properties").path("requiredDataConnectors").path(0).path("connectorId").asText()).isEqualTo("SyslogAma");
        assertThat(server.get("/api/workspaces/default/alertRules/" + QUERY_ID).statusCode()).isEqualTo(404);
    }

    @Test
    void testARunSeesOnlyTheRowsOfItsWindow() {
        importHuntingQueries();
        Instant now = clock.instant();
        syslog(now.minus(Duration.ofHours(3)), "web-1", "Failed password for root from 10.0.0.9 port 1");
        syslog(now.minus(Duration.ofMinutes(30)), "web-1", "Failed password for root from 10.0.0.9 port 2");
        syslog(now.minus(Duration.ofMinutes(20)), "web-1", "Failed password for root from 10.0.0.9 port 3");
        syslog(now.minus(Duration.ofMinutes(10)), "web-2", "Failed password for bob from 10.0.0.8 port 4");

        JsonNode lastHour = run(now.minus(Duration.ofHours(1)), now);
        JsonNode lastDay = run(now.minus(Duration.ofDays(1)), now);

        assertThat(lastHour.path("tables").path(0).path("rows").toString())
                .startsWith("[[\"web-1\",\"10.0.0.9\",2,").contains("[\"web-2\",\"10.0.0.8\",1,");
        assertThat(lastDay.path("tables").path(0).path("rows").path(0).path(2).asInt()).isEqualTo(3);
        assertThat(lastHour.path("queryStartTime").asText()).isEqualTo(now.minus(Duration.ofHours(1)).toString());
    }

    @Test
    void testABookmarkBecomesAHuntingBookmarkRowWithTheRowsEntities() {
        importHuntingQueries();
        Map<String, Object> row = Map.of("Computer", "web-1", "SourceIP", "10.0.0.9", "Failures", 2);

        HttpResponse<String> created = server.postJson(BOOKMARKS, Map.of("properties", Map.of("displayName", "Guessing on web-1",
                "huntingQueryId", QUERY_ID, "queryResult", row, "notes", "same source as last week", "labels", List.of("ssh"),
                "queryStartTime", clock.instant().minus(Duration.ofHours(1)).toString(), "queryEndTime", clock.instant().toString())));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = RunningServer.json(created).path("name").asText();
        JsonNode table = server.query("HuntingBookmark | project BookmarkId, BookmarkName, Notes, Entities, QueryResultRow, SoftDeleted, Tags");
        assertThat(RunningServer.rowsByColumnName(table)).singleElement().satisfies(bookmark -> {
            assertThat(bookmark.path("BookmarkId").asText()).isEqualTo(id);
            assertThat(bookmark.path("BookmarkName").asText()).isEqualTo("Guessing on web-1");
            assertThat(bookmark.path("Notes").asText()).isEqualTo("same source as last week");
            assertThat(bookmark.path("Entities").asText()).isEqualTo("[{\"Type\":\"host\",\"HostName\":\"web-1\"},{\"Type\":\"ip\",\"Address\":\"10.0.0.9\"}]");
            assertThat(bookmark.path("QueryResultRow").asText()).contains("\"Failures\":2");
            assertThat(bookmark.path("SoftDeleted").asBoolean()).isFalse();
            // the query's tactic and technique, which the bookmark takes, ride in Tags after the labels
            assertThat(bookmark.path("Tags").asText()).isEqualTo("[\"ssh\",\"tactic:CredentialAccess\",\"technique:T1110\"]");
        });
        JsonNode read = RunningServer.json(server.get(BOOKMARKS + "/" + id)).path("properties");
        assertThat(read.path("query").asText()).contains("Failed password");
        assertThat(read.path("createdBy").asText()).isEqualTo("admin");
        assertThat(read.path("labels").toString()).isEqualTo("[\"ssh\"]");
        assertThat(read.path("tactics").toString()).isEqualTo("[\"CredentialAccess\"]");
        assertThat(read.path("techniques").toString()).isEqualTo("[\"T1110\"]");
    }

    @Test
    void testAnEditAppendsARowWithALaterUpdateAndKeepsWhatItDoesNotName() {
        importHuntingQueries();
        String id = RunningServer.json(server.postJson(BOOKMARKS, Map.of("properties", Map.of("displayName", "Guessing on web-1",
                "huntingQueryId", QUERY_ID, "queryResult", Map.of("Computer", "web-1", "SourceIP", "10.0.0.9"), "notes", "first look",
                "labels", List.of("ssh"))))).path("name").asText();
        server.createUser("rhea", "correct horse battery");
        server.grant("rhea", "Responder", "/workspaces/default");
        clock.advance(Duration.ofMinutes(5));

        HttpResponse<String> edited = server.sendJson("PATCH", BOOKMARKS + "/" + id, server.issueKey("rhea"), Map.of("properties", Map.of(
                "notes", "same source as last week", "labels", List.of("ssh", "escalate"), "tactics", List.of("CredentialAccess", "LateralMovement"),
                "techniques", List.of("T1110.001"))));

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        JsonNode properties = RunningServer.json(server.get(BOOKMARKS + "/" + id)).path("properties");
        assertThat(properties.path("displayName").asText()).isEqualTo("Guessing on web-1");
        assertThat(properties.path("notes").asText()).isEqualTo("same source as last week");
        assertThat(properties.path("labels").toString()).isEqualTo("[\"ssh\",\"escalate\"]");
        assertThat(properties.path("tactics").toString()).isEqualTo("[\"CredentialAccess\",\"LateralMovement\"]");
        assertThat(properties.path("techniques").toString()).isEqualTo("[\"T1110.001\"]");
        assertThat(properties.path("updatedBy").asText()).isEqualTo("rhea");
        assertThat(properties.path("createdBy").asText()).isEqualTo("admin");
        assertThat(properties.path("entities").toString()).contains("web-1");
        List<JsonNode> rows = RunningServer.rowsByColumnName(server.query(
                "HuntingBookmark | where BookmarkId == '" + id + "' | sort by TimeGenerated asc | project Notes, CreatedTime, LastUpdatedTime, UpdatedBy"));
        assertThat(rows).extracting(row -> row.path("Notes").asText()).containsExactly("first look", "same source as last week");
        assertThat(rows.get(1).path("CreatedTime").asText()).isEqualTo(rows.get(0).path("CreatedTime").asText());
        assertThat(Instant.parse(rows.get(1).path("LastUpdatedTime").asText())).isAfter(Instant.parse(rows.get(0).path("LastUpdatedTime").asText()));
        String audit = "VigilAudit | where OperationName == 'PATCH /api/workspaces/{workspace}/bookmarks/{bookmarkId}'"
                + " | project Category, Caller, tostring(Properties.bookmark)";
        JsonNode audited = Eventually.await("the edit's audit row", () -> server.query(audit), table -> table.path("rows").size() > 0,
                Duration.ofSeconds(20));
        assertThat(audited.path("rows").toString()).isEqualTo("[[\"Bookmark\",\"rhea\",\"" + id + "\"]]");
    }

    @Test
    void testAnEditIsRefusedNamingTheMemberOrValue() {
        String id = RunningServer.json(server.postJson(BOOKMARKS, Map.of("properties", Map.of("displayName", "noise",
                "queryResult", Map.of("Computer", "web-4"))))).path("name").asText();

        Map<String, Object> refusals = Map.of("severity", "High", "tactics", List.of("Guessing"), "techniques", List.of("1110"), "displayName", " ",
                "labels", List.of("tactic:Discovery"));
        List<String> messages = new ArrayList<>();
        refusals.forEach((member, value) -> {
            HttpResponse<String> response = server.sendJson("PATCH", BOOKMARKS + "/" + id, server.apiKey(), Map.of("properties", Map.of(member, value)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            messages.add(RunningServer.json(response).path("error").path("message").asText());
        });

        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("properties.severity cannot be edited (a bookmark has no severity in Sentinel"))
                .anySatisfy(m -> assertThat(m).startsWith("tactics[0]: 'Guessing' is not a tactic"))
                .anySatisfy(m -> assertThat(m).startsWith("techniques[0]: '1110' is not a MITRE ATT&CK technique id"))
                .anySatisfy(m -> assertThat(m).startsWith("displayName: a bookmark needs a name"))
                .anySatisfy(m -> assertThat(m).startsWith("labels[0]: 'tactic:Discovery' starts as the tactics and techniques"));
        assertThat(server.sendJson("PATCH", BOOKMARKS + "/no-such-bookmark", server.apiKey(), Map.of("properties", Map.of("notes", "x")))
                .statusCode()).isEqualTo(404);
        assertThat(server.query("HuntingBookmark | count").path("rows").toString()).isEqualTo("[[1]]");
    }

    @Test
    void testABookmarkAttachedToAnIncidentIsInItsBookmarkIds() {
        String bookmark = RunningServer.json(server.postJson(BOOKMARKS, Map.of("properties", Map.of("displayName", "odd logon",
                "query", "Syslog | take 1", "queryResult", Map.of("Computer", "web-3"))))).path("name").asText();
        HttpResponse<String> incident = server.postJson("/api/workspaces/default/incidents", Map.of("properties", Map.of("title", "SSH guessing",
                "severity", "Medium")));
        JsonNode created = RunningServer.json(incident);
        clock.advance(Duration.ofMinutes(1));

        HttpResponse<String> attached = server.postJson(BOOKMARKS + "/" + bookmark + "/incident",
                Map.of("incident", created.path("properties").path("incidentNumber").asText()));
        HttpResponse<String> twice = server.postJson(BOOKMARKS + "/" + bookmark + "/incident", Map.of("incident", created.path("name").asText()));

        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
        assertThat(RunningServer.json(attached).path("properties").path("incidentInfo").path("incidentId").asText()).isEqualTo(created.path("name").asText());
        assertThat(twice.statusCode()).isEqualTo(200);
        JsonNode read = RunningServer.json(server.get("/api/workspaces/default/incidents/" + created.path("name").asText()));
        assertThat(read.path("properties").path("additionalData").path("bookmarksCount").asInt()).isEqualTo(1);
        server.server().incidents().allLogged("default").join();
        assertThat(server.query("SecurityIncident | summarize arg_max(TimeGenerated, *) by IncidentName | project tostring(BookmarkIds)")
                .path("rows").toString()).isEqualTo("[[\"[\\\"" + bookmark + "\\\"]\"]]");
    }

    @Test
    void testADeletedBookmarkIsGoneButItsRowsStay() {
        String bookmark = RunningServer.json(server.postJson(BOOKMARKS, Map.of("properties", Map.of("displayName", "noise",
                "queryResult", Map.of("Computer", "web-4"))))).path("name").asText();

        HttpResponse<String> deleted = server.sendJson("DELETE", BOOKMARKS + "/" + bookmark, server.apiKey(), null);

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(server.get(BOOKMARKS + "/" + bookmark).statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(server.get(BOOKMARKS)).path("value")).isEmpty();
        assertThat(server.query("HuntingBookmark | project SoftDeleted").path("rows").toString()).isEqualTo("[[false],[true]]");
    }

    @Test
    void testRefusalsNameTheirReason() {
        String missingTable = """
                id: 0d6e2c1a-5b4f-4a37-9e8d-1c2b3a4f5e6d
                name: Reads a table nobody has
                query: |
                  NoSuchTable_CL
                  | take 10
                """;
        String extraField = missingTable.replace("NoSuchTable_CL", "Syslog") + "playbook: notify\n";

        JsonNode answer = RunningServer.json(server.postJson(IMPORT, Map.of("files", List.of(Map.of("name", "missing.yaml", "content", missingTable),
                Map.of("name", "extra.yaml", "content", extraField)))));

        List<String> reasons = new ArrayList<>();
        answer.path("value").forEach(item -> reasons.add(item.path("kind").asText() + " " + item.path("refusal").path("reason").asText()));
        assertThat(reasons).containsExactly("HuntingQuery MissingTableOrFunction", "HuntingQuery UnsupportedField");
        assertThat(answer.path("value").path(0).path("refusal").path("message").asText()).contains("NoSuchTable_CL");
        assertThat(server.postJson(QUERY + "/run", Map.of("startTime", "yesterday")).statusCode()).isEqualTo(400);
        assertThat(server.postJson(QUERY + "/run", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void testAReaderRunsButMayNotBookmark() {
        importHuntingQueries();
        server.createUser("rita", "correct horse battery");
        server.grant("rita", "Reader", "/workspaces/default");
        String key = server.issueKey("rita");

        assertThat(server.sendJson("POST", QUERY + "/run", key, Map.of()).statusCode()).isEqualTo(200);
        assertThat(server.sendJson("POST", BOOKMARKS, key, Map.of("properties", Map.of("displayName", "x", "queryResult", Map.of())))
                .statusCode()).isEqualTo(403);
    }
}
