package dev.vigil.server.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.api.HttpApi;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestRequestAuthentication {
    private static final String TABLES = "/api/workspaces/default/tables";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    private static HttpResponse<String> getWith(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(TABLES)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return server.send(request);
    }

    private static void assertUnauthorized(HttpResponse<String> response, String challenge) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(challenge);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("AuthenticationFailed");
        assertThat(error.path("message").asText()).startsWith("Authentication failed.");
    }

    @Test
    void testTheAdminKeyIsAccepted() {
        assertThat(getWith("Bearer " + server.apiKey()).statusCode()).isEqualTo(200);
    }

    @Test
    void testMissingKeyIsUnauthorized() {
        assertUnauthorized(getWith(null), "Bearer realm=\"vigil\"");
    }

    @Test
    void testUnknownKeyIsAnInvalidToken() {
        assertUnauthorized(getWith("Bearer vgl_0123456789abcdef_notTheSecretOfAnyKeyAtAll"), "Bearer realm=\"vigil\", error=\"invalid_token\"");
    }

    @Test
    void testWrongSecretOfAKnownKeyIsAnInvalidToken() {
        String key = server.apiKey();
        String tampered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");

        assertUnauthorized(getWith("Bearer " + tampered), "Bearer realm=\"vigil\", error=\"invalid_token\"");
    }

    @Test
    void testMalformedHeadersAreInvalidRequests() {
        assertUnauthorized(getWith("Basic dXNlcjpwYXNz"), "Bearer realm=\"vigil\", error=\"invalid_request\"");
        assertUnauthorized(getWith("Bearer "), "Bearer realm=\"vigil\", error=\"invalid_request\"");
        assertUnauthorized(getWith(server.apiKey()), "Bearer realm=\"vigil\", error=\"invalid_request\"");
    }

    @Test
    void testEveryRouteButHealthNeedsAKey() {
        for (String route : server.server().routes()) {
            String[] methodAndPath = route.split(" ", 2);
            String path = methodAndPath[1].replace("{workspace}", "default").replace("{table}", "SecurityAlert")
                    .replaceAll("\\{[^}]+}", "Any");
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri(path))
                    .method(methodAndPath[0], HttpRequest.BodyPublishers.ofString("[]")));

            if (HttpApi.OPEN_ROUTES.contains(route)) {
                assertThat(response.statusCode()).as(route).isNotEqualTo(401);
            } else {
                assertThat(response.statusCode()).as(route).isEqualTo(401);
            }
        }
    }
}
