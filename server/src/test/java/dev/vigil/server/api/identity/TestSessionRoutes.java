package dev.vigil.server.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.identity.LoginLimits;
import dev.vigil.server.identity.LoginThrottle;
import dev.vigil.server.identity.SessionStore;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.server.testing.TestClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestSessionRoutes {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String TABLES = "/api/workspaces/default/tables";
    private static final LoginLimits LIMITS = LoginLimits.defaults();

    TestClock clock = TestClock.startingNow();

    @RegisterExtension
    final RunningServer server = RunningServer.perTest().withClock(clock);

    /** A logged-in session: the cookie's value and the CSRF token. */
    private record Login(String cookie, String csrfToken, String setCookie) {
    }

    @BeforeEach
    void createAlice() {
        server.createUser("alice", PASSWORD);
        server.grant("alice", "Contributor", "/workspaces/default");
    }

    private HttpResponse<String> login(String user, String password, String presentedCookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("username", user, "password", password))));
        if (presentedCookie != null) {
            request.header("Cookie", "vigil_session=" + presentedCookie);
        }
        return server.send(request);
    }

    private Login loginAlice() {
        HttpResponse<String> response = login("alice", PASSWORD, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring("vigil_session=".length(), setCookie.indexOf(';'));
        return new Login(cookie, RunningServer.json(response).path("csrfToken").asText(), setCookie);
    }

    private HttpResponse<String> withCookie(String method, String path, String cookie, String csrfToken, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).header("Cookie", "vigil_session=" + cookie)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(RunningServer.toJson(body)));
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return server.send(request);
    }

    private static Map<String, Object> table(String name) {
        return Map.of("name", name, "columns", List.of(Map.of("name", "Value", "type", "string")));
    }

    @Test
    void testLoginSetsAStrictHttpOnlyCookieThatAuthenticates() {
        Login login = loginAlice();

        assertThat(login.setCookie()).contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Secure");
        assertThat(login.csrfToken()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(withCookie("GET", TABLES, login.cookie(), null, null).statusCode()).isEqualTo(200);
        assertThat(RunningServer.json(withCookie("GET", "/api/me", login.cookie(), null, null)).path("authenticationMethod").asText()).isEqualTo("Session");
    }

    @Test
    void testTheCookieIsSecureBehindATlsProxy() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/session"))
                .header("Content-Type", "application/json").header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("username", "alice", "password", PASSWORD)))));

        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
    }

    @Test
    void testStateChangingRequestsWithTheCookieNeedTheCsrfToken() {
        Login login = loginAlice();

        HttpResponse<String> without = withCookie("POST", TABLES, login.cookie(), null, table("NoToken_CL"));
        HttpResponse<String> wrong = withCookie("POST", TABLES, login.cookie(), login.csrfToken() + "x", table("WrongToken_CL"));
        HttpResponse<String> right = withCookie("POST", TABLES, login.cookie(), login.csrfToken(), table("RightToken_CL"));

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(RunningServer.json(without).path("error").path("code").asText()).isEqualTo("CsrfTokenInvalid");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(201);
        assertThat(server.get(TABLES).body()).contains("RightToken_CL").doesNotContain("NoToken_CL", "WrongToken_CL");
    }

    @Test
    void testACookieChosenBeforeLoginIsNotHonouredAfter() {
        String planted = "attacker-chosen-session-id-0000000000000000000";

        HttpResponse<String> response = login("alice", PASSWORD, planted);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain(planted);
        assertThat(withCookie("GET", TABLES, planted, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void testLoggingInAgainEndsTheSessionPresented() {
        Login first = loginAlice();

        HttpResponse<String> again = login("alice", PASSWORD, first.cookie());

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(withCookie("GET", TABLES, first.cookie(), null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void testLogoutEndsTheSessionAndNeedsTheCsrfToken() {
        Login login = loginAlice();

        HttpResponse<String> forged = withCookie("DELETE", "/api/session", login.cookie(), null, null);
        HttpResponse<String> logout = withCookie("DELETE", "/api/session", login.cookie(), login.csrfToken(), null);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(withCookie("GET", TABLES, login.cookie(), null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void testASessionEndsAfterBeingIdle() {
        Login login = loginAlice();
        clock.advance(SessionStore.IDLE_TIMEOUT.minusMinutes(1));
        assertThat(withCookie("GET", TABLES, login.cookie(), null, null).statusCode()).isEqualTo(200);

        clock.advance(SessionStore.IDLE_TIMEOUT);

        assertThat(withCookie("GET", TABLES, login.cookie(), null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void testASessionInUseStillEndsAtTheAbsoluteLimit() {
        Login login = loginAlice();
        Duration step = SessionStore.IDLE_TIMEOUT.minusMinutes(5);
        Duration elapsed = Duration.ZERO;
        while (elapsed.plus(step).compareTo(SessionStore.ABSOLUTE_TIMEOUT) < 0) {
            clock.advance(step);
            elapsed = elapsed.plus(step);
            assertThat(withCookie("GET", TABLES, login.cookie(), null, null).statusCode()).as("after " + elapsed).isEqualTo(200);
        }

        clock.advance(step);

        assertThat(withCookie("GET", TABLES, login.cookie(), null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void testWrongPasswordAndUnknownUserGetTheSameAnswer() {
        HttpResponse<String> wrongPassword = login("alice", "not the password at all", null);
        HttpResponse<String> unknownUser = login("mallory", "not the password at all", null);

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
        assertThat(wrongPassword.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void testLoginTakesOnlyJson() {
        HttpResponse<String> form = server.send(HttpRequest.newBuilder(server.uri("/api/session"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=correct+horse+battery+staple")));

        assertThat(form.statusCode()).isEqualTo(415);
    }

    @Test
    void testAUserNameLongerThanAnyIsRefusedBeforeItIsCounted() {
        HttpResponse<String> response = login("x".repeat(100_000), "some password", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("at most 64 characters").hasSizeLessThan(1_000);
    }

    @Test
    void testAnAccountIsLockedOutFromAnAddressAfterRepeatedFailures() {
        for (int i = 0; i < LIMITS.failuresPerAccountAndAddress(); i++) {
            assertThat(login("alice", "wrong password " + i, null).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = login("alice", PASSWORD, null);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValue(Long.toString(LoginThrottle.FIRST_LOCKOUT.toSeconds()));
        assertThat(RunningServer.json(locked).path("error").path("code").asText()).isEqualTo("TooManyLoginAttempts");

        clock.advance(LoginThrottle.FIRST_LOCKOUT.plusSeconds(1));

        assertThat(login("alice", PASSWORD, null).statusCode()).isEqualTo(201);
    }

    @Test
    void testTheLockoutDoublesWithEachFurtherFailure() {
        for (int i = 0; i < LIMITS.failuresPerAccountAndAddress(); i++) {
            login("alice", "wrong password " + i, null);
        }
        clock.advance(LoginThrottle.FIRST_LOCKOUT.plusSeconds(1));
        assertThat(login("alice", "wrong again", null).statusCode()).isEqualTo(401);

        HttpResponse<String> locked = login("alice", PASSWORD, null);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValue(Long.toString(LoginThrottle.FIRST_LOCKOUT.multipliedBy(2).toSeconds()));
    }

    @Test
    void testAnAddressIsLockedOutAfterFailuresAcrossAccounts() {
        for (int i = 0; i < LIMITS.failuresPerAddress(); i++) {
            assertThat(login("guess-" + i, "some password", null).statusCode()).isEqualTo(401);
        }

        assertThat(login("alice", PASSWORD, null).statusCode()).isEqualTo(429);
    }

    @Test
    void testXForwardedForIsIgnoredByDefault() {
        for (int i = 0; i < LIMITS.failuresPerAccountAndAddress(); i++) {
            HttpResponse<String> failed = server.send(HttpRequest.newBuilder(server.uri("/api/session")).header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "203.0.113." + i)
                    .POST(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("username", "alice", "password", "wrong guess " + i)))));
            assertThat(failed.statusCode()).isEqualTo(401);
        }

        HttpResponse<String> spoofed = server.send(HttpRequest.newBuilder(server.uri("/api/session")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "198.51.100.99")
                .POST(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("username", "alice", "password", PASSWORD)))));

        assertThat(spoofed.statusCode()).isEqualTo(429);
    }

    @Test
    void testGuessingTheCurrentPasswordIsThrottledLikeALogin() {
        String key = server.issueKey("alice");
        for (int i = 0; i < LIMITS.failuresPerAccountAndAddress(); i++) {
            HttpResponse<String> wrong = server.sendJson("PUT", "/api/users/alice/password", key,
                    Map.of("password", "a brand new password", "currentPassword", "wrong guess " + i));
            assertThat(wrong.statusCode()).isEqualTo(401);
        }

        HttpResponse<String> right = server.sendJson("PUT", "/api/users/alice/password", key,
                Map.of("password", "a brand new password", "currentPassword", PASSWORD));

        assertThat(right.statusCode()).isEqualTo(429);
    }

    @Test
    void testAPasswordResetEndsTheUsersSessions() {
        Login login = loginAlice();

        HttpResponse<String> reset = server.sendJson("PUT", "/api/users/alice/password", server.apiKey(), Map.of("password", "a brand new password"));

        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(withCookie("GET", TABLES, login.cookie(), null, null).statusCode()).isEqualTo(401);
        assertThat(login("alice", PASSWORD, null).statusCode()).isEqualTo(401);
        assertThat(login("alice", "a brand new password", null).statusCode()).isEqualTo(201);
    }

    @Test
    void testAUserChangesItsOwnPasswordOnlyWithTheCurrentOne() {
        String key = server.issueKey("alice");

        HttpResponse<String> withoutCurrent = server.sendJson("PUT", "/api/users/alice/password", key, Map.of("password", "a brand new password"));
        HttpResponse<String> withCurrent = server.sendJson("PUT", "/api/users/alice/password", key,
                Map.of("password", "a brand new password", "currentPassword", PASSWORD));

        assertThat(withoutCurrent.statusCode()).isEqualTo(401);
        assertThat(withCurrent.statusCode()).isEqualTo(204);
        assertThat(login("alice", "a brand new password", null).statusCode()).isEqualTo(201);
    }
}
