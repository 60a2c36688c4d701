package dev.vigil.server.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The passwords {@code POST /api/users} and {@code PUT /api/users/{user}/password} refuse, and those they take. */
class TestPasswordRules {
    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    private static HttpResponse<String> createUser(String name, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("password", password);
        return server.sendJson("POST", "/api/users", server.apiKey(), body);
    }

    private static String message(HttpResponse<String> response) {
        JsonNode error = RunningServer.json(response).path("error");
        return error.path("code").asText() + ": " + error.path("message").asText();
    }

    @Test
    void testCommonPasswordsAreRefusedWhateverTheirCase() {
        for (String common : List.of("qwertyuiop123", "PASSWORD1234", "Iloveyou1234", "1q2w3e4r5t6y", "Football2024!", "michaelmichael")) {
            HttpResponse<String> response = createUser("common-" + Math.abs(common.hashCode()), common);

            assertThat(response.statusCode()).as(common).isEqualTo(400);
            assertThat(message(response)).as(common).startsWith("BadArgumentError: the password is too easy to guess").doesNotContain(common);
        }
    }

    @Test
    void testRepeatedAndKeyboardPatternsAreRefused() {
        for (String pattern : List.of("aaaaaaaaaaaa", "abcabcabcabc", "121212121212", "123456789012", "qwertyuiopas", "zaq12wsxcde3")) {
            assertThat(createUser("pattern-" + Math.abs(pattern.hashCode()), pattern).statusCode()).as(pattern).isEqualTo(400);
        }
    }

    @Test
    void testAPasswordMustNotContainTheUserName() {
        HttpResponse<String> same = createUser("marguerite-lab", "Marguerite-Lab");
        HttpResponse<String> containing = createUser("marguerite-lab", "my name is marguerite-lab!");

        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(containing.statusCode()).isEqualTo(400);
        assertThat(message(containing)).contains("must not contain the user name 'marguerite-lab'");
    }

    @Test
    void testShortPasswordsAreStillRefused() {
        HttpResponse<String> response = createUser("short-password", "Tr0ub4dor&3");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response)).contains("at least 12 characters");
    }

    @Test
    void testAResetIsHeldToTheSameRules() {
        assertThat(createUser("resetting", "plum orchard under snow").statusCode()).isEqualTo(201);

        HttpResponse<String> common = server.sendJson("PUT", "/api/users/resetting/password", server.apiKey(), Map.of("password", "Sunshine2025!"));
        HttpResponse<String> good = server.sendJson("PUT", "/api/users/resetting/password", server.apiKey(), Map.of("password", "tin kettle sings at dusk"));

        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(good.statusCode()).isEqualTo(204);
    }
}
