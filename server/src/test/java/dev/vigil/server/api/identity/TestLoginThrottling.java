package dev.vigil.server.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.AccessSettings;
import dev.vigil.server.api.access.TrustedProxies;
import dev.vigil.server.identity.LoginLimits;
import dev.vigil.server.identity.LoginThrottle;
import dev.vigil.server.testing.FromAddress;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.server.testing.TestClock;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Login throttling through {@code POST /api/session}, with clients on different loopback source
 * addresses: a guesser must not be able to lock the owner out, and a guesser with many addresses
 * is still slowed down. The server trusts 127.0.0.1 as a reverse proxy, so requests from there may
 * name their client in {@code X-Forwarded-For}; requests from 127.0.0.2 and up are direct clients.
 */
class TestLoginThrottling {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String PROXY = "127.0.0.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Small enough to reach in a test; the per-pair and per-address limits are the defaults. */
    private static final LoginLimits LIMITS = new LoginLimits(5, 20, 10, 30, 1);

    TestClock clock = TestClock.startingNow();

    @RegisterExtension
    final RunningServer server = RunningServer.perTest().withClock(clock)
            .withSettings(settings -> settings.withAccess(new AccessSettings(TrustedProxies.parse(List.of(PROXY)), LIMITS)));

    @BeforeEach
    void createAlice() {
        server.createUser("alice", PASSWORD);
    }

    private FromAddress.Response login(String from, String user, String password) {
        return login(from, Map.of(), user, password);
    }

    private FromAddress.Response login(String from, Map<String, String> headers, String user, String password) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return FromAddress.of(from).post(server.uri("/api/session"), all, RunningServer.toJson(Map.of("username", user, "password", password)));
    }

    private static String limit(FromAddress.Response response) {
        try {
            return JSON.readTree(response.body()).path("error").path("innererror").path("limit").asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private List<JsonNode> auditRows(String kql) {
        HttpResponse<String> response = server.postJson("/v1/workspaces/audit/query", Map.of("query", kql));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.rowsByColumnName(RunningServer.json(response).path("tables").path(0));
    }

    @Test
    void testFailuresFromOneAddressDoNotLockTheOwnerOutFromAnother() {
        for (int i = 0; i < LIMITS.failuresPerAccountAndAddress(); i++) {
            assertThat(login("127.0.0.2", "alice", "wrong guess number " + i).status()).isEqualTo(401);
        }

        FromAddress.Response guesser = login("127.0.0.2", "alice", PASSWORD);
        FromAddress.Response owner = login("127.0.0.3", "alice", PASSWORD);

        assertThat(guesser.status()).isEqualTo(429);
        assertThat(guesser.header("Retry-After")).hasValue(Long.toString(LoginThrottle.FIRST_LOCKOUT.toSeconds()));
        assertThat(limit(guesser)).isEqualTo("AccountAndAddress");
        assertThat(owner.status()).as(owner.body()).isEqualTo(201);
    }

    @Test
    void testAnAddressSprayingManyAccountsIsLockedOutButTheirOwnersAreNot() {
        for (int i = 0; i < LIMITS.failuresPerAddress(); i++) {
            assertThat(login("127.0.0.2", "sprayed-" + i, "Spring2024 welcome").status()).isEqualTo(401);
        }

        FromAddress.Response sprayer = login("127.0.0.2", "alice", PASSWORD);

        assertThat(sprayer.status()).isEqualTo(429);
        assertThat(limit(sprayer)).isEqualTo("Address");
        assertThat(login("127.0.0.3", "alice", PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void testAnAccountGuessedFromManyAddressesIsSlowedNeverLockedAndItsOwnerAtHomeIsNot() {
        assertThat(login("127.0.0.10", "alice", PASSWORD).status()).isEqualTo(201); // the owner's usual address
        for (int i = 0; i < LIMITS.failuresPerAccount(); i++) {
            String address = "127.0.1." + (i / LIMITS.failuresPerAccountAndAddress() + 1);
            assertThat(login(address, "alice", "wrong guess number " + i).status()).isEqualTo(401);
        }

        FromAddress.Response fresh = login("127.0.2.1", "alice", PASSWORD);
        assertThat(fresh.status()).isEqualTo(429);
        assertThat(limit(fresh)).isEqualTo("Account");
        assertThat(fresh.header("Retry-After")).hasValue(Long.toString(LoginThrottle.FIRST_ACCOUNT_DELAY.toSeconds()));
        assertThat(login("127.0.0.10", "alice", PASSWORD).status()).isEqualTo(201);

        // each further failure doubles the wait, up to a minute: the account is never locked for longer
        long wait = LoginThrottle.FIRST_ACCOUNT_DELAY.toSeconds();
        for (int address = 2; wait < LoginThrottle.MAX_ACCOUNT_DELAY.toSeconds(); address++) {
            clock.advance(Duration.ofSeconds(wait));
            assertThat(login("127.0.2." + address, "alice", "still guessing").status()).isEqualTo(401);
            FromAddress.Response slowed = login("127.0.2." + address, "alice", PASSWORD);
            assertThat(slowed.status()).isEqualTo(429);
            long next = Long.parseLong(slowed.header("Retry-After").orElseThrow());
            assertThat(next).isEqualTo(Math.min(wait * 2, LoginThrottle.MAX_ACCOUNT_DELAY.toSeconds()));
            wait = next;
        }
        clock.advance(LoginThrottle.MAX_ACCOUNT_DELAY);
        assertThat(login("127.0.2.99", "alice", PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void testFailuresAcrossTheServerSpendABudgetThatRefills() {
        assertThat(login("127.0.0.10", "alice", PASSWORD).status()).isEqualTo(201);
        for (int i = 0; i < LIMITS.serverFailureBurst(); i++) {
            String address = "127.0.1." + (i % 10 + 1);
            assertThat(login(address, "nobody-" + i, "some password or other").status()).isEqualTo(401);
        }

        FromAddress.Response newcomer = login("127.0.3.1", "alice", PASSWORD);
        FromAddress.Response atHome = login("127.0.0.10", "alice", PASSWORD);

        assertThat(newcomer.status()).isEqualTo(429);
        assertThat(limit(newcomer)).isEqualTo("Server");
        assertThat(newcomer.header("Retry-After")).hasValue("1");
        assertThat(atHome.status()).isEqualTo(201);
        clock.advance(Duration.ofSeconds(1));
        assertThat(login("127.0.3.1", "alice", PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void testATrustedProxyNamesTheClientInXForwardedFor() {
        for (int i = 0; i < LIMITS.failuresPerAccountAndAddress(); i++) {
            FromAddress.Response failed = login(PROXY, Map.of("X-Forwarded-For", "203.0.113.7"), "alice", "wrong guess number " + i);
            assertThat(failed.status()).isEqualTo(401);
        }

        FromAddress.Response guesser = login(PROXY, Map.of("X-Forwarded-For", "203.0.113.7"), "alice", PASSWORD);
        FromAddress.Response owner = login(PROXY, Map.of("X-Forwarded-For", "198.51.100.20, 203.0.113.9"), "alice", PASSWORD);

        assertThat(guesser.status()).isEqualTo(429);
        assertThat(owner.status()).isEqualTo(201);
        List<JsonNode> audited = Eventually.await("the failed logins in the audit trail",
                () -> auditRows("VigilAudit | where Caller == 'alice' and StatusCode == 401 | project CallerIpAddress"),
                rows -> rows.size() == LIMITS.failuresPerAccountAndAddress());
        assertThat(audited).extracting(row -> row.path("CallerIpAddress").asText()).containsOnly("203.0.113.7");
    }

    @Test
    void testXForwardedForFromAnUntrustedPeerIsIgnored() {
        for (int i = 0; i < LIMITS.failuresPerAccountAndAddress(); i++) {
            FromAddress.Response failed = login("127.0.0.2", Map.of("X-Forwarded-For", "203.0.113." + i), "alice", "wrong guess number " + i);
            assertThat(failed.status()).isEqualTo(401);
        }

        FromAddress.Response spoofed = login("127.0.0.2", Map.of("X-Forwarded-For", "198.51.100.99"), "alice", PASSWORD);

        assertThat(spoofed.status()).isEqualTo(429);
        assertThat(limit(spoofed)).isEqualTo("AccountAndAddress");
    }
}
