package dev.vigil.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestErrorResponses {
    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @Test
    void testUnknownPathIsANotFoundInTheErrorShape() {
        HttpResponse<String> response = server.get("/api/nothing/here");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("NotFound");
        assertThat(error.path("message").asText()).isNotBlank();
    }

    @Test
    void testEmptyBodyWhereJsonIsExpectedIsInvalidJson() {
        HttpResponse<String> response = server.send(server.request("/api/workspaces/default/tables")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("error").path("code").asText()).isEqualTo("InvalidJson");
    }
}
