package dev.vigil.server.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestHealthRoutes {
    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testHealthNeedsNoKey() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/healthz")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }
}
