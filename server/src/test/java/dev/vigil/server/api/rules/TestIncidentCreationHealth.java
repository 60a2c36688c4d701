package dev.vigil.server.api.rules;

import static dev.vigil.server.api.rules.RuleFixtures.ingestIotAlerts;
import static dev.vigil.server.api.rules.RuleFixtures.save;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.server.testing.TestClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Microsoft Security rule's runs, as its lastRun and the SentinelHealth table show them. */
class TestIncidentCreationHealth {
    private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));

    @RegisterExtension
    final RunningServer server = RunningServer.perTest().withClock(clock);

    @Test
    void testMicrosoftSecurityRuleShowsItsLastRunWithTheAlertsReadAndIncidentsMade() {
        save(server, "all-iot", RuleBodies.incidentCreation("Azure Security Center for IoT"));
        save(server, "asc", RuleBodies.incidentCreation("Azure Security Center"));
        assertThat(RunningServer.json(server.get(RuleFixtures.RULES + "all-iot")).path("properties").has("lastRun")).isFalse();

        ingestIotAlerts(server, clock.instant(), "High", "dev-1", "dev-2");
        server.server().awaitAnalytics();

        JsonNode lastRun = RunningServer.json(server.get(RuleFixtures.RULES + "all-iot")).path("properties").path("lastRun");
        assertThat(lastRun.path("status").asText()).isEqualTo("Success");
        assertThat(lastRun.path("resultCount").asLong()).isEqualTo(2);
        assertThat(lastRun.path("incidentsCreated").asInt()).isEqualTo(2);
        assertThat(lastRun.path("incidentsUpdated").asInt()).isZero();
        assertThat(lastRun.path("alertsGenerated").asInt()).isZero();
        assertThat(Instant.parse(lastRun.path("startTimeUtc").asText())).isEqualTo(clock.instant());
        // a rule whose product sent nothing has not run
        assertThat(RunningServer.json(server.get(RuleFixtures.RULES + "asc")).path("properties").has("lastRun")).isFalse();

        assertThat(server.count("SentinelHealth | where OperationName == 'Microsoft Security analytics rule run'"
                + " and SentinelResourceName == 'Incidents from Azure Security Center for IoT' and Status == 'Success'"
                + " and toint(ExtendedProperties.IncidentsCreatedAmount) == 2 | count")).isEqualTo(1);
        assertThat(RunningServer.json(server.get("/api/workspaces/default/incidents")).path("value")).hasSize(2);
    }
}
