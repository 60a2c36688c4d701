package dev.vigil.server.api.rules;

import static dev.vigil.server.api.rules.RuleFixtures.SCHEDULED_ALERTS;
import static dev.vigil.server.api.rules.RuleFixtures.ingestIotAlerts;
import static dev.vigil.server.api.rules.RuleFixtures.iotAlertsQuery;
import static dev.vigil.server.api.rules.RuleFixtures.save;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.server.testing.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestRuleDryRun {
    private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));

    @RegisterExtension
    final RunningServer server = RunningServer.perTest().withClock(clock);

    @Test
    void testDryRunOfSavedRuleShowsTheAlertsOfEachRunAndWritesNothing() {
        Instant now = clock.instant();
        ingestIotAlerts(server, now.minus(Duration.ofMinutes(32)), "High", "dev-1", "dev-2");
        ingestIotAlerts(server, now.minus(Duration.ofMinutes(12)), "High", "dev-3");
        Map<String, Object> body = RuleBodies.scheduled(iotAlertsQuery("High"), 0);
        RuleBodies.properties(body).put("enabled", false);
        save(server, "replayed", body);
        long healthBefore = server.count("SentinelHealth | count");

        HttpResponse<String> response = server.sendJson("POST", RuleFixtures.RULES + "replayed/dryRun", server.apiKey(),
                Map.of("startTime", now.minus(Duration.ofHours(1)).toString(), "endTime", now.toString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = RunningServer.json(response);
        assertThat(result.path("runs")).hasSize(12);
        assertThat(result.path("alertCount").asInt()).isEqualTo(2);
        JsonNode firing = result.path("runs").path(5);
        assertThat(Instant.parse(firing.path("queryStartTimeUtc").asText())).isEqualTo(now.minus(Duration.ofMinutes(35)));
        assertThat(firing.path("resultCount").asLong()).isEqualTo(2);
        assertThat(firing.path("alerts").path(0).path("ProviderName").asText()).isEqualTo("ASI Scheduled Alerts");

        assertThat(server.count(SCHEDULED_ALERTS + " | count")).isZero();
        assertThat(server.count("SentinelHealth | count")).isEqualTo(healthBefore);
    }

    @Test
    void testDryRunOfUnsavedRuleChecksItsQueryFirst() {
        Instant now = clock.instant();
        ingestIotAlerts(server, now.minus(Duration.ofMinutes(10)), "High", "dev-1", "dev-2", "dev-3");
        String start = now.minus(Duration.ofHours(1)).toString();

        HttpResponse<String> replayed = server.sendJson("POST", "/api/workspaces/default/alertRules/dryRun", server.apiKey(),
                Map.of("rule", RuleBodies.nrt(iotAlertsQuery("High")), "startTime", start, "endTime", now.toString()));
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(RunningServer.json(replayed).path("alertCount").asInt()).isEqualTo(3);
        assertThat(server.get(RuleFixtures.RULES + "dry-run").statusCode()).isEqualTo(404);

        HttpResponse<String> refused = server.sendJson("POST", "/api/workspaces/default/alertRules/dryRun", server.apiKey(),
                Map.of("rule", RuleBodies.nrt("SecurityAlert | where Nope > 1"), "startTime", start, "endTime", now.toString()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(refused).path("error").path("innererror").path("pos").asInt()).isEqualTo(23);
    }
}
