package dev.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's own protections over plain HTTP: sign-in redirects, the Content-Security-Policy, CSRF checks, and the API left as it was. */
class TestConsoleSecurity {
    private static final String PASSWORD = "security-test-password";
    private static final List<String> PAGES = List.of("", "/logs", "/incidents", "/analytics", "/connectors", "/connectors/IoT", "/iot", "/settings");

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    private static ConsoleSession alice;

    @BeforeAll
    static void signIn() {
        server.createUser("alice", PASSWORD);
        server.grant("alice", "Owner", "/");
        alice = ConsoleSession.signIn(server, "alice", PASSWORD);
    }

    private static HttpResponse<String> page(String path) {
        return alice.get(path);
    }

    @Test
    void testAPageWithoutASessionRedirectsToSignInAndComesBack() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/console/workspaces/default/logs?query=T")).GET());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/console/sign-in?returnTo=%2Fconsole%2Fworkspaces%2Fdefault%2Flogs%3Fquery%3DT");
    }

    @Test
    void testAnHtmxRequestWithoutASessionIsToldToMoveTheWholePage() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/console/workspaces/default/analytics"))
                .header("HX-Request", "true").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("HX-Redirect")).hasValueSatisfying(location -> assertThat(location).startsWith("/console/sign-in"));
    }

    @Test
    void testTheJsonApiStillAnswers401WithoutCredentials() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/workspaces/default/tables")).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(RunningServer.json(response).path("error").path("code").asText()).isNotEmpty();
    }

    @Test
    void testTheRootLeadsToTheConsole() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/")).GET());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/console");
    }

    @Test
    void testEveryPageIsServedUnderAStrictPolicyWithNoInlineScriptOrStyle() {
        for (String path : PAGES) {
            HttpResponse<String> response = page("/console/workspaces/default" + path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).as(path).contains("default-src 'none'", "script-src 'self';", "frame-ancestors 'none'", "base-uri 'none'")
                    .doesNotContain("unsafe-eval");
            assertThat(policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src")))).doesNotContain("unsafe-inline");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.body()).as(path).doesNotContain(" style=\"").doesNotContain("<style").doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                    .doesNotContainPattern(" on[a-z]+=\"");
        }
    }

    @Test
    void testOnlyTheEditorPageLetsMonacoStylesInByNonce() {
        HttpResponse<String> logs = page("/console/workspaces/default/logs");
        String policy = logs.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher nonce = Pattern.compile("<meta name=\"style-nonce\" content=\"([^\"]+)\">").matcher(logs.body());

        assertThat(nonce.find()).isTrue();
        assertThat(policy).contains("style-src-elem 'self' 'nonce-" + nonce.group(1) + "'").contains("script-src 'self';");
        assertThat(page("/console/workspaces/default/logs").headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("a fresh nonce per response").doesNotContain(nonce.group(1));
        assertThat(page("/console/workspaces/default/analytics").headers().firstValue("Content-Security-Policy").orElseThrow())
                .doesNotContain("nonce-").doesNotContain("unsafe-inline");
    }

    @Test
    void testAChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        server.sendJson("PUT", "/api/subscriptions/csrf-sub", server.apiKey(), Map.of("displayName", "CSRF"));
        String connect = "/console/workspaces/default/connectors/IoT/subscriptions/csrf-sub/connect";

        HttpResponse<String> forged = server.send(HttpRequest.newBuilder(server.uri(connect)).header("Cookie", alice.cookie()).header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> withToken = alice.postForm(connect, Map.of());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("security token");
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("data-subscription=\"csrf-sub\"").contains("has Defender for IoT turned on");
    }

    @Test
    void testAWorkspaceTheUserHoldsNoRoleOnIsNotFound() {
        server.createUser("bob", PASSWORD);
        server.grant("bob", "Reader", "/workspaces/default");
        server.createWorkspace("secret");
        ConsoleSession bob = ConsoleSession.signIn(server, "bob", PASSWORD);

        HttpResponse<String> response = bob.get("/console/workspaces/secret/logs");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("There is no workspace 'secret'.").doesNotContain("Workspace <strong>secret");
    }

    @Test
    void testAssetsAndWebJarsAreServedWithoutASession() {
        HttpResponse<String> css = server.send(HttpRequest.newBuilder(server.uri("/console/assets/console.css")).GET());
        HttpResponse<String> signIn = server.send(HttpRequest.newBuilder(server.uri("/console/sign-in")).GET());
        Matcher htmx = Pattern.compile("src=\"(/webjars/htmx.org/[^\"]+)\"").matcher(signIn.body());

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(htmx.find()).isTrue();
        assertThat(server.send(HttpRequest.newBuilder(server.uri(htmx.group(1))).GET()).statusCode()).isEqualTo(200);
    }
}
