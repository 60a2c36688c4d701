package dev.vigil.server.console.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.console.ConsoleSession;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Logs page's results over HTTP: sort and filter over every kept row, exports, chart data,
 * the first page of a long query while it still runs, and a running query whose page went away.
 */
class TestLogsResults {
    private static final String PASSWORD = "logs-results-passphrase";
    /** Rows for minutes, as fast as the store reads them (the server below has no result cap): a cancellation ends it. */
    private static final String ENDLESS = "range x from 1 to 2000000000 step 1";
    private static final Pattern CELLS = Pattern.compile("<td>([^<]*)</td>");

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass().withSettings(s -> s.withStorage(s.storage().withQueryLimits(
            s.storage().queryLimits().withResultCap(Integer.MAX_VALUE, Long.MAX_VALUE))));

    private static LogsResults alice;

    @BeforeAll
    static void users() {
        server.createUser("alice", PASSWORD);
        server.grant("alice", "Reader", "/workspaces/default");
        alice = new LogsResults(ConsoleSession.signIn(server, "alice", PASSWORD), "default");
    }

    @Test
    void testSortAndFilterRunOverEveryKeptRowNotOnlyTheShownPage() {
        String first = alice.runToEnd("range x from 1 to 120 step 1 | extend label = strcat('v', x)", "sort-filter");
        String id = LogsResults.resultId(first);
        assertThat(firstCells(first)).startsWith("1", "v1");

        String descending = alice.get(id, "?sort=0&dir=desc").body();
        String byText = alice.get(id, "?sort=1").body();
        String filtered = alice.get(id, "?filter=V11&column=1").body();
        String filteredAnyColumn = alice.get(id, "?filter=119").body();

        assertThat(firstCells(descending)).startsWith("120", "v120");
        assertThat(descending).contains("aria-sort=\"descending\"").contains("Page 1 of 3");
        assertThat(firstCells(byText)).as("text sorts as text: v1, v10, v100...").startsWith("1", "v1", "10", "v10", "100", "v100");
        assertThat(filtered).contains("11 match the filter").doesNotContain("Page 1 of");
        assertThat(firstCells(filtered)).containsSubsequence("v11", "v110", "v119");
        assertThat(firstCells(filteredAnyColumn)).containsExactly("119", "v119");
    }

    @Test
    void testDatetimesAndTimespansSortByValueNotByText() {
        String body = alice.runToEnd("datatable(t: datetime, d: timespan) [datetime(2024-01-01T10:00:00.5Z), time(1.00:00:00),"
                + " datetime(2024-01-01T10:00:00Z), time(-00:00:01), datetime(2024-01-01T09:59:59Z), time(02:00:00)]", "sort-types");
        String id = LogsResults.resultId(body);

        List<String> byTime = firstCells(alice.get(id, "?sort=0").body());
        List<String> bySpan = firstCells(alice.get(id, "?sort=1").body());

        assertThat(byTime).containsExactly("2024-01-01T09:59:59Z", "02:00:00", "2024-01-01T10:00:00Z", "-00:00:01",
                "2024-01-01T10:00:00.5000000Z", "1.00:00:00");
        assertThat(bySpan).containsExactly("2024-01-01T10:00:00Z", "-00:00:01", "2024-01-01T09:59:59Z", "02:00:00",
                "2024-01-01T10:00:00.5000000Z", "1.00:00:00");
    }

    @Test
    void testExportsGiveTheShownRowsAsCsvAndJsonUnderATimedName() {
        String body = alice.runToEnd("datatable(name: string, n: long) ['plain', 1, 'with, comma', 2, '=1+1', 3, 'say \"hi\"', 4]", "export");
        String id = LogsResults.resultId(body);
        assertThat(body).contains("Export 4 rows");

        HttpResponse<String> csv = alice.get(id, "/export.csv");
        HttpResponse<String> json = alice.get(id, "/export.json?filter=with");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"vigil-default-\\d{8}-\\d{6}Z\\.csv\"");
        assertThat(csv.body()).isEqualTo("name,n\r\nplain,1\r\n\"with, comma\",2\r\n'=1+1,3\r\n\"say \"\"hi\"\"\",4\r\n");
        assertThat(json.headers().firstValue("Content-Disposition").orElseThrow()).matches("attachment; filename=\"vigil-default-\\d{8}-\\d{6}Z\\.json\"");
        JsonNode table = RunningServer.json(json).path("tables").get(0);
        assertThat(table.path("columns").get(1).path("type").asText()).isEqualTo("long");
        assertThat(table.path("rows")).hasSize(1);
        assertThat(table.path("rows").get(0).get(0).asText()).isEqualTo("with, comma");
        assertThat(table.path("rows").get(0).get(1).asLong()).isEqualTo(2);
    }

    @Test
    void testChartDataCarriesTheRenderKindAndTheRows() {
        String body = alice.runToEnd("range x from 1 to 5 step 1 | extend y = x * 2 | render columnchart", "chart");
        String id = LogsResults.resultId(body);
        assertThat(body).contains("data-result-view=\"chart\"").contains("data-chart-href=");

        JsonNode chart = RunningServer.json(alice.get(id, "/chart"));

        assertThat(chart.path("kind").asText()).isEqualTo("columnchart");
        assertThat(chart.path("columns").get(1).path("name").asText()).isEqualTo("y");
        assertThat(chart.path("rows")).hasSize(5);
        assertThat(chart.path("rows").get(4).get(1).asLong()).isEqualTo(10);
    }

    @Test
    void testAQueryOfSeveralTablesShowsTheFirstWithATabPerTableAndEachTableOnItsOwn() {
        String first = alice.runToEnd("range x from 1 to 3 step 1; print n = 42, s = 'x' | as Answer", "several-tables");
        String id = LogsResults.resultId(first);

        assertThat(first).contains("data-testid=\"result-tables\"").contains("Table_0 <span class=\"type\">3 rows</span>")
                .contains("Answer <span class=\"type\">1 row</span>").contains("Table_0 (table 1 of 2)");
        assertThat(firstCells(first)).containsExactly("1", "2", "3");

        String second = alice.get(id, "?page=1&table=1").body();
        String sortedSecond = alice.get(id, "?page=1&table=1&sort=1&dir=desc").body();

        assertThat(second).contains("Answer (table 2 of 2)").contains("name=\"table\" value=\"1\"").contains("data-testid=\"sort-s\"");
        assertThat(firstCells(second)).containsExactly("42", "x");
        assertThat(sortedSecond).as("a sort of the second table stays on it").contains("Answer (table 2 of 2)").contains("table=1&amp;sort=1");
        assertThat(alice.get(id, "/export.csv?table=1").body()).isEqualTo("n,s\r\n42,x\r\n");
        assertThat(alice.get(id, "/export.csv").body()).isEqualTo("x\r\n1\r\n2\r\n3\r\n");
    }

    @Test
    void testAQueryOfOneTableHasNoTabs() {
        String body = alice.runToEnd("print n = 1", "one-table");

        assertThat(body).doesNotContain("result-tables").doesNotContain("table 1 of");
    }

    @Test
    void testALongQueryShowsItsFirstPageWhileItStillRuns() {
        // ten million rows: long enough to outlast the first answer's settling wait even on an idle machine
        // (a million ran whole in 143 ms, inside it), short enough to be read to the end
        long rows = 10_000_000;
        long started = System.nanoTime();
        HttpResponse<String> first = alice.run("range x from 1 to " + rows + " step 1", "ten-million");
        long firstPageMillis = (System.nanoTime() - started) / 1_000_000;
        String whole = alice.followToEnd(first.body());
        long endMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Logs page, a %,d-row query: first page after %d ms, whole result after %d ms%n", rows, firstPageMillis, endMillis);

        assertThat(LogsResults.running(first.body())).as("the first answer comes while the query runs: " + first.body()).isTrue();
        assertThat(first.body()).contains("rows so far");
        assertThat(firstCells(first.body())).startsWith("1", "2", "3");
        assertThat(whole).contains("<strong>" + rows + "</strong> rows").contains("showing the first " + QueryResults.MAX_ROWS);
        assertThat(LogsResults.running(whole)).isFalse();
    }

    @Test
    void testAQueryWhosePageStoppedAskingIsCancelled() {
        HttpResponse<String> first = alice.run(ENDLESS, "abandoned");
        assertThat(LogsResults.running(first.body())).isTrue();

        Eventually.await("the abandoned query stopped", TestLogsResults::runningIds, ids -> !ids.contains("abandoned"),
                LogsQueries.ABANDONED.plusSeconds(20));
        assertThat(loggedStatus("abandoned")).isEqualTo(499);
    }

    @Test
    void testABrowserThatHangsUpWhileAskingHowFarTheQueryGotStopsIt() throws Exception {
        HttpResponse<String> first = alice.run(ENDLESS, "hangs-up-later");
        Matcher progress = Pattern.compile("hx-get=\"([^\"]*/progress[^\"]*)\"").matcher(first.body());
        assertThat(progress.find()).isTrue();
        try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + progress.group(1).replace("&amp;", "&") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + alice.session().cookie()
                    + "\r\nHX-Request: true\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        Eventually.await("the query stopped", TestLogsResults::runningIds, ids -> !ids.contains("hangs-up-later"), Duration.ofSeconds(8));
        assertThat(loggedStatus("hangs-up-later")).isEqualTo(499);
    }

    /** The text cells of a results page, row after row. */
    private static List<String> firstCells(String body) {
        List<String> cells = new ArrayList<>();
        Matcher cell = CELLS.matcher(body);
        while (cell.find()) {
            cells.add(cell.group(1));
        }
        return cells;
    }

    private static List<String> runningIds() {
        List<String> ids = new ArrayList<>();
        for (JsonNode query : RunningServer.json(server.get("/v1/workspaces/default/queries")).path("value")) {
            ids.add(query.path("id").asText());
        }
        return ids;
    }

    private static int loggedStatus(String queryId) {
        return Eventually.await("the query log row of " + queryId,
                () -> RunningServer.rowsByColumnName(server.query("LAQueryLogs | where CorrelationId == '" + queryId + "'")),
                found -> found.size() == 1).get(0).path("ResponseCode").asInt();
    }
}
