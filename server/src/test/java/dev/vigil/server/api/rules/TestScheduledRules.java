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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestScheduledRules {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));

    @RegisterExtension
    final RunningServer server = RunningServer.perTest().withClock(clock);

    @Test
    void testRuleFiresAboveTheThresholdAndNotBelow() {
        Instant start = clock.instant();
        save(server, "many-high", RuleBodies.scheduled(iotAlertsQuery("High"), 2));
        server.server().awaitAnalytics();

        ingestIotAlerts(server, start.plusSeconds(60), "High", "dev-1", "dev-2", "dev-3");
        clock.advance(FIVE_MINUTES);
        server.server().awaitAnalytics();
        assertThat(server.count(SCHEDULED_ALERTS + " | count")).isEqualTo(1);

        ingestIotAlerts(server, start.plusSeconds(360), "High", "dev-4", "dev-5");
        clock.advance(FIVE_MINUTES);
        server.server().awaitAnalytics();
        assertThat(server.count(SCHEDULED_ALERTS + " | count")).isEqualTo(1);

        JsonNode alert = server.query(SCHEDULED_ALERTS + " | project AlertType, ProductName, AlertName, AlertSeverity, TimeGenerated, "
                + "Count = tostring(parse_json(ExtendedProperties)['Search Query Results Overall Count']), "
                + "Operator = tostring(parse_json(ExtendedProperties)['Trigger Operator']), Tactics, IsIncident").path("rows").path(0);
        assertThat(alert.path(0).asText()).isEqualTo("default_many-high");
        assertThat(alert.path(1).asText()).isEqualTo("Azure Sentinel");
        assertThat(alert.path(2).asText()).isEqualTo("Many high alerts");
        assertThat(alert.path(3).asText()).isEqualTo("High");
        assertThat(Instant.parse(alert.path(4).asText())).isEqualTo(start.plus(FIVE_MINUTES));
        assertThat(alert.path(5).asText()).isEqualTo("3");
        assertThat(alert.path(6).asText()).isEqualTo("GreaterThan");
        assertThat(alert.path(7).asText()).isEqualTo("Impact");
        assertThat(alert.path(8).asBoolean()).isFalse();

        String metrics = server.get("/metrics").body();
        assertThat(metrics).contains("vigil_rules_runs_total 3.0").contains("vigil_rules_alerts_total 1.0").contains("vigil_rules_failures_total 0.0");
    }

    @Test
    void testAlertPerResultRaisesOneAlertPerRowWithItsEntitiesAndSingleAlertOneForTheRun() {
        Instant start = clock.instant();
        Map<String, Object> perResult = RuleBodies.scheduled(iotAlertsQuery("High"), 0);
        Map<String, Object> properties = RuleBodies.properties(perResult);
        properties.put("eventGroupingSettings", Map.of("aggregationKind", "AlertPerResult"));
        properties.put("entityMappings", List.of(Map.of("entityType", "IoTDevice",
                "fieldMappings", List.of(Map.of("identifier", "DeviceId", "columnName", "DeviceId")))));
        properties.put("customDetails", Map.of("Device", "DeviceId"));
        properties.put("alertDetailsOverride", Map.of("alertDisplayNameFormat", "Login on {{DeviceId}}"));
        save(server, "per-result", perResult);
        save(server, "single", RuleBodies.scheduled(iotAlertsQuery("High"), 0));
        server.server().awaitAnalytics();

        ingestIotAlerts(server, start.plusSeconds(60), "High", "dev-1", "dev-2", "dev-3");
        clock.advance(FIVE_MINUTES);
        server.server().awaitAnalytics();

        assertThat(server.count(SCHEDULED_ALERTS + " | where AlertType == 'default_single' | count")).isEqualTo(1);
        JsonNode perRow = server.query(SCHEDULED_ALERTS + " | where AlertType == 'default_per-result' | sort by AlertName asc"
                + " | project AlertName, CompromisedEntity, Entities, Details = tostring(parse_json(ExtendedProperties)['Custom Details'])").path("rows");
        assertThat(perRow).hasSize(3);
        assertThat(perRow.path(0).path(0).asText()).isEqualTo("Login on dev-1");
        assertThat(perRow.path(0).path(1).asText()).isEqualTo("dev-1");
        assertThat(perRow.path(0).path(2).asText()).isEqualTo("[{\"$id\":\"1\",\"DeviceId\":\"dev-1\",\"Type\":\"iotdevice\"}]");
        assertThat(perRow.path(0).path(3).asText()).isEqualTo("{\"Device\":[\"dev-1\"]}");
    }

    @Test
    void testSuppressionKeepsTheRuleQuietAfterAnAlert() {
        Instant start = clock.instant();
        Map<String, Object> body = RuleBodies.scheduled(iotAlertsQuery("High"), 0);
        RuleBodies.properties(body).put("suppressionEnabled", true);
        RuleBodies.properties(body).put("suppressionDuration", "PT10M");
        save(server, "quiet", body);
        server.server().awaitAnalytics();
        for (int run = 1; run <= 3; run++) {
            ingestIotAlerts(server, start.plus(FIVE_MINUTES.multipliedBy(run - 1)).plusSeconds(60), "High", "dev-" + run);
            clock.advance(FIVE_MINUTES);
            server.server().awaitAnalytics();
        }
        // runs at +5 (alert), +10 (suppressed: within 10 minutes of it), +15 (alert again)
        assertThat(RuleFixtures.rows(server, SCHEDULED_ALERTS + " | sort by TimeGenerated asc | project TimeGenerated")).hasSize(2);
        assertThat(server.count("SentinelHealth | where SentinelResourceName == 'Many high alerts' and Description startswith 'Suppressed' | count"))
                .isEqualTo(1);
    }

    @Test
    void testRuleNamedWithQuotesBackslashesAndALineBreakStillSuppressesAfterARestart() {
        Instant start = clock.instant();
        String name = "O'Brien's \"quiet\" rule \\ on\ntwo lines";
        Map<String, Object> body = RuleBodies.scheduled(iotAlertsQuery("High"), 0);
        RuleBodies.properties(body).put("displayName", name);
        RuleBodies.properties(body).put("suppressionEnabled", true);
        RuleBodies.properties(body).put("suppressionDuration", "PT10M");
        save(server, "quiet.rule-1", body);
        server.server().awaitAnalytics();
        ingestIotAlerts(server, start.plusSeconds(60), "High", "dev-1");
        clock.advance(FIVE_MINUTES);
        server.server().awaitAnalytics();

        // after a restart the last alert is read back from SecurityAlert, by a query built from the rule
        server.restart();
        ingestIotAlerts(server, start.plus(FIVE_MINUTES).plusSeconds(60), "High", "dev-2");
        clock.advance(FIVE_MINUTES);
        server.server().awaitAnalytics();

        assertThat(RuleFixtures.rows(server, SCHEDULED_ALERTS + " | project AlertName")).hasSize(1)
                .first().satisfies(row -> assertThat(row.path(0).asText()).isEqualTo(name));
        JsonNode suppressed = RuleFixtures.rows(server, "SentinelHealth | where Description startswith 'Suppressed' | project SentinelResourceName");
        assertThat(suppressed).hasSize(1).first().satisfies(row -> assertThat(row.path(0).asText()).isEqualTo(name));
    }

    @Test
    void testMissedRunsAreMadeAfterDowntimeExactlyOnce() {
        Instant start = clock.instant();
        save(server, "every-run", RuleBodies.scheduled(iotAlertsQuery("High"), 0));
        server.server().awaitAnalytics();
        ingestIotAlerts(server, start.plusSeconds(60), "High", "dev-1");
        ingestIotAlerts(server, start.plusSeconds(360), "High", "dev-2");
        ingestIotAlerts(server, start.plusSeconds(660), "High", "dev-3");
        server.stop();

        clock.advance(FIVE_MINUTES.multipliedBy(3));
        server.restart();

        server.server().awaitAnalytics();
        JsonNode alerts = RuleFixtures.rows(server, SCHEDULED_ALERTS + " | sort by TimeGenerated asc | project TimeGenerated");
        assertThat(alerts).hasSize(3);
        assertThat(Instant.parse(alerts.path(2).path(0).asText())).isEqualTo(start.plus(FIVE_MINUTES.multipliedBy(3)));

        server.restart();
        server.server().awaitAnalytics();
        assertThat(server.count(SCHEDULED_ALERTS + " | count")).isEqualTo(3);
        assertThat(server.count("SentinelHealth | where SentinelResourceKind == 'Scheduled' | count")).isEqualTo(4);
    }

    @Test
    void testEditedThresholdTakesEffectAtTheNextRunAndLastRunIsShown() {
        Instant start = clock.instant();
        save(server, "edited", RuleBodies.scheduled(iotAlertsQuery("High"), 5));
        server.server().awaitAnalytics();
        ingestIotAlerts(server, start.plusSeconds(60), "High", "dev-1", "dev-2");
        Map<String, Object> lower = RuleBodies.scheduled(iotAlertsQuery("High"), 1);
        save(server, "edited", lower);
        clock.advance(FIVE_MINUTES);
        server.server().awaitAnalytics();
        assertThat(server.count(SCHEDULED_ALERTS + " | count")).isEqualTo(1);

        JsonNode lastRun = RunningServer.json(server.get(RuleFixtures.RULES + "edited")).path("properties").path("lastRun");
        assertThat(lastRun.path("status").asText()).isEqualTo("Success");
        assertThat(lastRun.path("resultCount").asLong()).isEqualTo(2);
        assertThat(lastRun.path("alertsGenerated").asInt()).isEqualTo(1);
        assertThat(Instant.parse(lastRun.path("queryEndTimeUtc").asText())).isEqualTo(start.plus(FIVE_MINUTES));
    }

    @Test
    void testFailedRunIsRecordedAsFailureAndRetriedLater() {
        HttpResponse<String> function = server.sendJson("PUT", "/api/workspaces/default/functions/HighIotAlerts", server.apiKey(),
                Map.of("body", iotAlertsQuery("High")));
        assertThat(function.statusCode()).as(function.body()).isEqualTo(201);
        save(server, "through-function", RuleBodies.scheduled("HighIotAlerts", 0));
        server.server().awaitAnalytics();
        assertThat(server.sendJson("DELETE", "/api/workspaces/default/functions/HighIotAlerts", server.apiKey(), null).statusCode()).isEqualTo(204);

        clock.advance(FIVE_MINUTES);
        server.server().awaitAnalytics();
        JsonNode lastRun = RunningServer.json(server.get(RuleFixtures.RULES + "through-function")).path("properties").path("lastRun");
        assertThat(lastRun.path("status").asText()).isEqualTo("Failure");
        assertThat(lastRun.path("message").asText()).contains("attempt 1 of 3").contains("HighIotAlerts");
        assertThat(server.count("SentinelHealth | where Status == 'Failure' and SentinelResourceName == 'Many high alerts' | count")).isEqualTo(1);

        // tried again a minute later, given up at the third attempt; the next run goes ahead
        for (int attempt = 2; attempt <= 3; attempt++) {
            clock.advance(Duration.ofMinutes(1));
            server.server().awaitAnalytics();
        }
        assertThat(server.count("SentinelHealth | where Status == 'Failure' | count")).isEqualTo(3);
        assertThat(RunningServer.json(server.get(RuleFixtures.RULES + "through-function")).path("properties").path("lastRun")
                .path("message").asText()).contains("given up");
    }
}
