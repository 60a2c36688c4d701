package dev.vigil.server.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestMetricsRoutes {
    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testMetricsShowIngestedRowsQueriesRequestsAndTheJvm() {
        HttpResponse<String> created = server.postJson("/api/workspaces/default/tables",
                Map.of("name", "Metered_CL", "columns", List.of(Map.of("name", "AlertName", "type", "string"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> ingested = server.postJson("/api/workspaces/default/tables/Metered_CL/rows",
                List.of(Map.of("AlertName", "a"), Map.of("AlertName", "b"), Map.of("AlertName", "c")));
        assertThat(ingested.statusCode()).isEqualTo(200);
        server.query("Metered_CL | count");

        HttpResponse<String> metrics = server.get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.body())
                .containsPattern("(?m)^vigil_ingest_rows_total\\{[^}]*table=\"Metered_CL\"[^}]*\\} 3\\.0$")
                .containsPattern("(?m)^vigil_ingest_commit_seconds_count(\\{[^}]*\\})? [1-9]")
                .contains("http_server_requests_seconds_count{method=\"POST\",status=\"200\",uri=\"/api/workspaces/{workspace}/tables/{table}/rows\"}")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void testMetricsNeedAKey() {
        HttpResponse<String> response = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/metrics")).GET());

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
