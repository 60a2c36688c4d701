package dev.vigil.soc.rule.incidentcreation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.health.IncidentCounts;
import dev.vigil.soc.rule.health.RuleOperation;
import dev.vigil.soc.rule.health.RuleRun;
import dev.vigil.soc.rule.health.RunStatus;
import dev.vigil.soc.rule.json.AlertRuleJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class TestWindowRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    private final AlertRule allIot = rule("all-iot", "{\"kind\":\"MicrosoftSecurityIncidentCreation\",\"properties\":{\"displayName\":\"All IoT\","
            + "\"productFilter\":\"Azure Security Center for IoT\"}}");
    private final AlertRule asc = rule("asc", "{\"kind\":\"MicrosoftSecurityIncidentCreation\",\"properties\":{\"displayName\":\"ASC\","
            + "\"productFilter\":\"Azure Security Center\"}}");
    private final AlertRule scheduled = rule("many-high", "{\"kind\":\"Scheduled\",\"properties\":{\"displayName\":\"Many high\","
            + "\"query\":\"SecurityAlert\",\"severity\":\"High\",\"queryFrequency\":\"PT5M\",\"queryPeriod\":\"PT5M\","
            + "\"triggerOperator\":\"GreaterThan\",\"triggerThreshold\":0}}");

    @Test
    void testSuccessRecordsOnlyTheMicrosoftSecurityRulesThatReadAlerts() {
        WindowRun run = new WindowRun("w", 3, 7, START, List.of(allIot, asc, scheduled));
        run.read(allIot);
        run.read(allIot);
        run.created(allIot);
        run.updated(allIot);

        List<RuleRun> records = run.succeeded(START.plusMillis(30));
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.ruleId()).isEqualTo("all-iot");
            assertThat(record.operation()).isEqualTo(RuleOperation.MICROSOFT_SECURITY_RUN);
            assertThat(record.runKey()).isEqualTo("batches 3-7");
            assertThat(record.duration()).isEqualTo(Duration.ofMillis(30));
            assertThat(record.resultCount()).isEqualTo(2);
            assertThat(record.incidents()).contains(new IncidentCounts(1, 1));
        });
    }

    @Test
    void testFailureAtAnAlertNamesTheRulesItConcernsAndElsewhereEveryRuleServed() {
        WindowRun run = new WindowRun("w", 3, 7, START, List.of(allIot, asc, scheduled));
        run.handling("alert-1", List.of(scheduled));
        List<RuleRun> atAlert = run.failed(START, new CompletionException(new IllegalStateException("disk full")));
        assertThat(atAlert).singleElement().satisfies(record -> {
            assertThat(record.ruleId()).isEqualTo("many-high");
            assertThat(record.operation()).isEqualTo(RuleOperation.INCIDENT_CREATION);
            assertThat(record.status()).isEqualTo(RunStatus.Failure);
            assertThat(record.message()).contains("Making incidents from ingestion batches 3 to 7 failed at alert alert-1: disk full."
                    + " Nothing of these batches is committed; they are read again until it succeeds.");
        });

        run.handled();
        List<RuleRun> elsewhere = run.failed(START, new IllegalStateException("disk full"));
        assertThat(elsewhere).extracting(RuleRun::ruleId).containsExactly("all-iot", "asc", "many-high");
        assertThat(elsewhere.get(0).message().orElseThrow()).startsWith("Making incidents from ingestion batches 3 to 7 failed: disk full.");
    }

    private static AlertRule rule(String id, String body) {
        try {
            return new AlertRule("w", id, "etag", START, START, 0, AlertRuleJson.read(JSON.readTree(body)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
