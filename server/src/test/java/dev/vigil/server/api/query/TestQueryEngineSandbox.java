package dev.vigil.server.api.query;

import static dev.vigil.server.api.query.RunningQueriesProbe.QUERY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestQueryEngineSandbox {
    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    /** Every way a KQL text might reach a file: a table named like one, externaldata, and quotes that try to break out. */
    private static final List<String> ATTEMPTS = List.of(
            "['/etc/passwd']",
            "['read_text(\\'/etc/passwd\\')']",
            "externaldata (line:string) [@\"/etc/passwd\"] with (format='txt')",
            "print x = '/etc/passwd' | extend y = x",
            "print x = \"') UNION ALL SELECT content FROM read_text('/etc/passwd') --\"",
            "print x = '\\') UNION ALL SELECT content FROM read_text(\\'/etc/passwd\\') --'",
            "SecurityAlert | where AlertName == \"x\\\") UNION ALL SELECT * FROM read_csv('/etc/passwd') --\"",
            "print x = 1 | project ['y\") FROM read_text(\\'/etc/passwd\\') --'] = x");

    @Test
    void testNoQueryReadsAFileOfTheServer() {
        for (String attempt : ATTEMPTS) {
            HttpResponse<String> response = server.postJson(QUERY, Map.of("query", attempt));

            assertThat(response.statusCode()).as(attempt).isIn(200, 400, 404);
            assertThat(response.body()).as(attempt).doesNotContain("root:x:0:0");
        }
    }
}
