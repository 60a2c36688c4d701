package dev.vigil.soc.rule.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.incident.IncidentQuery;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.rule.health.RuleRun;
import dev.vigil.soc.rule.health.RunStatus;
import dev.vigil.soc.rule.incidentcreation.FailingIncidentSink;
import dev.vigil.soc.rule.incidentcreation.IncidentRequest;
import dev.vigil.soc.rule.incidentcreation.IncidentSink;
import dev.vigil.soc.rule.incidentcreation.IncidentsSink;
import dev.vigil.soc.rule.json.AlertRuleJson;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime over the real store and the real incidents service: health of incident creation, its failures and retries. */
class TestAnalyticsRuntime {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IOT = "Azure Security Center for IoT";

    @TempDir
    Path data;

    private final Clock clock = Clock.systemUTC();
    private Storage storage;
    private LogStore logStore;
    private AlertRules rules;
    private Incidents incidents;

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        logStore = storage.logStore();
        logStore.createWorkspace("w");
        rules = AlertRules.open(logStore, storage.stateStore(), clock);
        incidents = Incidents.open(storage.stateStore(), logStore, clock, () -> "http://localhost");
    }

    @AfterEach
    void close() {
        incidents.close();
        storage.close();
    }

    @Test
    void testRunsAreRecordedOnceAndNoHealthRowFollowsWhileIdle() throws Exception {
        save("all-iot", "{\"kind\":\"MicrosoftSecurityIncidentCreation\",\"properties\":{\"displayName\":\"All IoT alerts\","
                + "\"productFilter\":\"" + IOT + "\"}}");
        save("each-high", "{\"kind\":\"NRT\",\"properties\":{\"displayName\":\"Each high IoT alert\",\"severity\":\"High\","
                + "\"query\":\"SecurityAlert | where ProductName == 'Azure Security Center for IoT' and AlertSeverity == 'High'\","
                + "\"incidentConfiguration\":{\"createIncident\":false}}}");
        try (AnalyticsRuntime runtime = start(new IncidentsSink(incidents), Duration.ofSeconds(10))) {
            ingestIotAlert("High");
            runtime.awaitIdle();
            incidents.allLogged("w").join();
            runtime.awaitIdle();
            long rows = count("SentinelHealth");
            assertThat(count("SentinelHealth | where OperationName == 'Microsoft Security analytics rule run'")).isEqualTo(1);
            assertThat(count("SentinelHealth | where OperationName == 'NRT analytics rule run' and ExtendedProperties.AlertsGeneratedAmount == 1"))
                    .isEqualTo(1);
            assertThat(runtime.health().lastRun("w", "all-iot")).get().satisfies(run -> {
                assertThat(run.status()).isEqualTo(RunStatus.Success);
                assertThat(run.resultCount()).isEqualTo(1);
            });

            // nothing new arrives: however often the runtime looks, it writes no health row (each row is
            // a new batch that the NRT rule and incident creation read, and that must make no row of its own)
            for (int round = 0; round < 5; round++) {
                runtime.awaitIdle();
            }
            assertThat(count("SentinelHealth")).isEqualTo(rows);
        }
    }

    @Test
    void testFailedIncidentCreationIsRecordedAndTriedAgainUntilItSucceeds() throws Exception {
        save("all-iot", "{\"kind\":\"MicrosoftSecurityIncidentCreation\",\"properties\":{\"displayName\":\"All IoT alerts\","
                + "\"productFilter\":\"" + IOT + "\"}}");
        // no pause between attempts: each round of awaitIdle is a retry
        try (AnalyticsRuntime runtime = start(new FailingIncidentSink(new IncidentsSink(incidents), 2), Duration.ZERO)) {
            ingestIotAlert("High");
            runtime.awaitIdle();

            assertThat(count("SentinelHealth | where Status == 'Failure' and SentinelResourceName == 'All IoT alerts'"
                    + " and Description has 'incidents store is unavailable'")).isEqualTo(2);
            assertThat(incidents.list("w", IncidentQuery.all()).incidents()).hasSize(1);
            assertThat(runtime.health().lastRun("w", "all-iot").map(RuleRun::status)).contains(RunStatus.Success);
            assertThat(runtime.health().failures()).isEqualTo(2);
        }
    }

    @Test
    void testFailedWorkWaitsForTheBackoffBeforeItIsTriedAgain() throws Exception {
        save("all-iot", "{\"kind\":\"MicrosoftSecurityIncidentCreation\",\"properties\":{\"displayName\":\"All IoT alerts\","
                + "\"productFilter\":\"" + IOT + "\"}}");
        try (AnalyticsRuntime runtime = start(new FailingIncidentSink(new IncidentsSink(incidents), 1), Duration.ofHours(1))) {
            ingestIotAlert("High");
            runtime.awaitIdle();
            runtime.awaitIdle();
            assertThat(count("SentinelHealth | where Status == 'Failure'")).isEqualTo(1);
            assertThat(runtime.health().lastRun("w", "all-iot").map(RuleRun::status)).contains(RunStatus.Failure);
            assertThat(incidents.list("w", IncidentQuery.all()).incidents()).isEmpty();
        }
    }

    @Test
    void testCommittedAlertsWakeIncidentCreationWithoutWaitingForThePoll() throws Exception {
        save("all-iot", "{\"kind\":\"MicrosoftSecurityIncidentCreation\",\"properties\":{\"displayName\":\"All IoT alerts\","
                + "\"productFilter\":\"" + IOT + "\"}}");
        // the poll comes once at start, then not for an hour: only the commit can bring the incident
        CompletableFuture<String> created = new CompletableFuture<>();
        IncidentSink signalling = new FailingIncidentSink(new IncidentsSink(incidents), 0) {
            @Override
            public String create(String workspaceId, IncidentRequest request) {
                String name = super.create(workspaceId, request);
                created.complete(name);
                return name;
            }
        };
        try (AnalyticsRuntime runtime = AnalyticsRuntime.start(rules, logStore, storage.stateStore(), clock, Optional.of(signalling),
                new RuntimeSettings(1, Duration.ofHours(1), Duration.ZERO))) {
            runtime.awaitIdle();
            ingestIotAlert("High");

            assertThat(created.get(10, TimeUnit.SECONDS)).isNotBlank();
        }
    }

    private AnalyticsRuntime start(IncidentSink sink, Duration backoff) {
        return AnalyticsRuntime.start(rules, logStore, storage.stateStore(), clock, Optional.of(sink),
                new RuntimeSettings(1, Duration.ofMillis(20), backoff));
    }

    private void save(String id, String body) throws Exception {
        rules.save("w", id, AlertRuleJson.read(JSON.readTree(body)), Optional.empty());
    }

    private void ingestIotAlert(String severity) {
        Instant now = clock.instant();
        logStore.ingest("w", "SecurityAlert", List.of(Map.of("TimeGenerated", now.toString(), "SystemAlertId", UUID.randomUUID().toString(),
                "ProductName", IOT, "ProviderName", "IoTSecurity", "AlertSeverity", severity, "AlertName", "Reverse shells",
                "DisplayName", "Reverse shells", "Status", "New", "StartTime", now.toString()))).join();
    }

    private long count(String kql) {
        return ((Number) logStore.query("w", QueryRequest.of(kql + " | count")).primary().rows().get(0).get(0)).longValue();
    }
}
