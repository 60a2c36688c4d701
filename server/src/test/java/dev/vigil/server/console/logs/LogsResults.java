package dev.vigil.server.console.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.console.ConsoleSession;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Logs queries over HTTP as the page does, and reads their results: the id, the pages, how far a running query got. */
record LogsResults(ConsoleSession session, String workspace) {
    private static final Pattern RESULT_ID = Pattern.compile("/logs/results/([0-9a-f-]{36})");
    private static final Pattern PROGRESS = Pattern.compile("hx-get=\"([^\"]*/progress[^\"]*)\"");

    String base() {
        return "/console/workspaces/" + workspace + "/logs";
    }

    /** The first answer to running the query: its first page, possibly while it still runs. */
    HttpResponse<String> run(String query, String queryId) {
        return session.postForm(base() + "/run", Map.of("query", query, "timespan", "", "queryId", queryId));
    }

    /** The whole result's first page: the first answer, then the answers to how far it got until it ended. */
    String runToEnd(String query, String queryId) {
        return followToEnd(run(query, queryId).body());
    }

    String followToEnd(String answer) {
        String body = answer;
        for (Matcher progress = PROGRESS.matcher(body); progress.find(); progress = PROGRESS.matcher(body)) {
            body = session.get(progress.group(1).replace("&amp;", "&")).body();
        }
        return body;
    }

    static boolean running(String body) {
        return body.contains("data-running");
    }

    static String resultId(String body) {
        Matcher id = RESULT_ID.matcher(body);
        assertThat(id.find()).as("a result id in " + body).isTrue();
        return id.group(1);
    }

    HttpResponse<String> get(String resultId, String pathAndQuery) {
        return session.get(base() + "/results/" + resultId + pathAndQuery);
    }
}
