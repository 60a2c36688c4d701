package dev.vigil.soc.rule.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.soc.rule.health.IncidentCounts;
import dev.vigil.soc.rule.health.RuleOperation;
import dev.vigil.soc.rule.health.RuleRun;
import dev.vigil.soc.rule.health.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestRuleRunJson {
    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void testMicrosoftSecurityRunShowsTheAlertsItReadAndTheIncidentsItMade() {
        JsonNode lastRun = RuleRunJson.write(new RuleRun("w", "all-iot", "All IoT alerts", AlertRuleKind.MICROSOFT_SECURITY_INCIDENT_CREATION,
                RuleOperation.MICROSOFT_SECURITY_RUN, "batches 3-7", START, Duration.ofMillis(42), RunStatus.Success, Optional.empty(), 5, 0, null,
                null, Optional.of(new IncidentCounts(3, 2))));
        assertThat(lastRun.path("startTimeUtc").asText()).isEqualTo("2026-11-28T10:00:00Z");
        assertThat(lastRun.path("durationMs").asLong()).isEqualTo(42);
        assertThat(lastRun.path("status").asText()).isEqualTo("Success");
        assertThat(lastRun.path("message").isNull()).isTrue();
        assertThat(lastRun.path("resultCount").asLong()).isEqualTo(5);
        assertThat(lastRun.path("alertsGenerated").asInt()).isZero();
        assertThat(lastRun.path("incidentsCreated").asInt()).isEqualTo(3);
        assertThat(lastRun.path("incidentsUpdated").asInt()).isEqualTo(2);
        assertThat(lastRun.path("queryStartTimeUtc").isNull()).isTrue();
    }

    @Test
    void testScheduledRunShowsItsQueryWindowAndNoIncidentCounts() {
        JsonNode lastRun = RuleRunJson.write(new RuleRun("w", "many-high", "Many high alerts", AlertRuleKind.SCHEDULED,
                RuleOperation.SCHEDULED_RUN, START.toString(), START, Duration.ofMillis(7), RunStatus.Failure, Optional.of("table dropped"), 0, 0,
                START.minus(Duration.ofHours(1)), START, Optional.empty()));
        assertThat(lastRun.path("status").asText()).isEqualTo("Failure");
        assertThat(lastRun.path("message").asText()).isEqualTo("table dropped");
        assertThat(lastRun.path("queryStartTimeUtc").asText()).isEqualTo("2026-11-28T09:00:00Z");
        assertThat(lastRun.path("queryEndTimeUtc").asText()).isEqualTo("2026-11-28T10:00:00Z");
        assertThat(lastRun.has("incidentsCreated")).isFalse();
        assertThat(lastRun.has("incidentsUpdated")).isFalse();
    }
}
