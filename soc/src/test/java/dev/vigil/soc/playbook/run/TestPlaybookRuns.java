package dev.vigil.soc.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.soc.automation.runtime.IncidentAutomation;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.incident.NewIncident;
import dev.vigil.soc.outbound.HttpStepAllowList;
import dev.vigil.soc.playbook.action.StepActions;
import dev.vigil.soc.playbook.document.PlaybookDocument;
import dev.vigil.soc.playbook.store.Playbooks;
import dev.vigil.soc.playbook.store.SecretBox;
import dev.vigil.soc.testing.Eventually;
import dev.vigil.soc.testing.WebhookReceiver;
import dev.vigil.soc.watchlist.Watchlists;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playbook runs on the real store, with a real HTTP receiver on loopback and a real SMTP server. */
class TestPlaybookRuns {
    private static final String WS = "w";
    private static final byte[] KEY = SecretBox.newKey();

    @TempDir
    Path data;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private Storage storage;
    private Incidents incidents;
    private Playbooks playbooks;
    private PlaybookRuns runs;
    private PlaybookRunner runner;

    @BeforeEach
    void open() {
        mail.start();
        start();
    }

    private void start() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace(WS);
        Clock clock = Clock.systemUTC();
        incidents = Incidents.open(storage.stateStore(), storage.logStore(), clock, () -> "http://vigil", List.of(IncidentAutomation.FOLLOWER));
        playbooks = Playbooks.open(storage.logStore(), storage.stateStore(), new SecretBox(KEY), clock);
        runs = new PlaybookRuns(storage.logStore(), storage.stateStore(), clock);
        runner = PlaybookRunner.start(playbooks, runs, new StepActions(storage.logStore(), incidents, new Watchlists(storage.logStore(), clock),
                Optional.empty(), HttpStepAllowList.parse(List.of(receiver.address()))), incidents, storage.logStore(), clock);
    }

    private void stop() {
        runner.close();
        incidents.close();
        storage.close();
    }

    @AfterEach
    void close() {
        stop();
        receiver.close();
        mail.stop();
    }

    private void save(String name, String yaml) {
        playbooks.save(WS, name, PlaybookDocument.parse(yaml, true), Optional.empty(), "admin");
    }

    private Incident incident(String title, IncidentSeverity severity) {
        return incidents.create(WS, NewIncident.of("k-" + title, title, severity, "test")).incident();
    }

    private PlaybookRun finished(String playbook, String runId) {
        return Eventually.await("run " + runId + " finishing", () -> runs.get(WS, playbook, runId), run -> run.status().finished());
    }

    @Test
    void testIncidentRunCommentsCallsTheWebhookWithItsSecretAndSendsMail() throws Exception {
        save("notify", """
                triggers: [{kind: incident}]
                secrets: {token: s3cret-value}
                variables:
                  headline: strcat("#", IncidentNumber, " ", IncidentTitle)
                smtp: {host: 127.0.0.1, port: %d, from: vigil@example.com}
                steps:
                  - id: comment
                    type: addComment
                    message: "Seen by the playbook: {{ headline }}"
                  - id: hook
                    type: http
                    method: POST
                    url: "%s"
                    headers: {Authorization: "Bearer {{ Secrets.token }}"}
                    body: {incident: "{{ IncidentNumber }}", title: "{{ IncidentTitle }}", high: "{{ IncidentSeverity == 'High' }}"}
                  - id: tell
                    type: email
                    when: hook.status == 200
                    to: soc@example.com
                    subject: "Incident {{ headline }}"
                    body: "Ticket {{ tostring(hook.body.ticket) }}"
                """.formatted(mail.getSmtp().getPort(), receiver.url("/hook")));
        Incident incident = incident("PLC reprogrammed", IncidentSeverity.HIGH);

        PlaybookRun run = finished("notify", runner.start(RunRequest.onIncident(WS, "notify", incident.name(), "admin")).runId());

        assertThat(run.status()).isEqualTo(RunStatus.Succeeded);
        assertThat(run.steps()).extracting(StepRun::path, StepRun::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("comment", StepStatus.Succeeded), org.assertj.core.groups.Tuple.tuple("hook", StepStatus.Succeeded),
                org.assertj.core.groups.Tuple.tuple("tell", StepStatus.Succeeded));
        WebhookReceiver.Received hook = receiver.received("/hook").get(0);
        assertThat(hook.header("Authorization")).isEqualTo("Bearer s3cret-value");
        assertThat(hook.header("Idempotency-Key")).isEqualTo(run.runId() + "/hook");
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(hook.body());
        assertThat(body.get("incident").asLong()).isEqualTo(incident.number());
        assertThat(body.get("high").asBoolean()).isTrue();
        // the run's record shows where the secret went, never the secret
        assertThat(run.step("hook").orElseThrow().input().toString()).contains("⟦secret:token⟧").doesNotContain("s3cret-value");
        assertThat(incidents.get(WS, incident.name()).comments()).extracting(c -> c.message())
                .containsExactly("Seen by the playbook: #" + incident.number() + " PLC reprogrammed");
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage sent = mail.getReceivedMessages()[0];
        assertThat(sent.getSubject()).isEqualTo("Incident #" + incident.number() + " PLC reprogrammed");
        assertThat(((String) sent.getContent()).strip()).isEqualTo("Ticket T-1");
        assertThat(sent.getMessageID()).isEqualTo("<" + run.runId() + "/tell@vigil>");
        // and the same run, step by step, in LogicAppWorkflowRuntime
        List<List<Object>> rows = Eventually.await("the run's rows", () -> storage.logStore().query(WS, QueryRequest.of(
                "LogicAppWorkflowRuntime | where RunId == '" + run.runId() + "' | order by TimeGenerated asc | project OperationName, ActionName, Status"))
                .primary().rows(), found -> found.size() == 4);
        assertThat(rows).containsExactly(List.of("WorkflowActionCompleted", "comment", "Succeeded"), List.of("WorkflowActionCompleted", "hook", "Succeeded"),
                List.of("WorkflowActionCompleted", "tell", "Succeeded"), List.of("WorkflowRunCompleted", "", "Succeeded"));
    }

    @Test
    void testFailingStepIsRetriedWithBackOffThenFailsTheRunVisibly() {
        receiver.answer(() -> 503);
        save("flaky", """
                triggers: [{kind: manual}]
                steps:
                  - {id: call, type: http, url: "%s", retries: 2, retryInterval: PT0.05S}
                  - {id: after, type: compose, value: "never"}
                """.formatted(receiver.url("/flaky")));

        PlaybookRun run = finished("flaky", runner.start(new RunRequest(WS, "flaky", "manual", "admin", Optional.empty(), Optional.empty(),
                Optional.empty(), null)).runId());

        assertThat(run.status()).isEqualTo(RunStatus.Failed);
        assertThat(run.error()).contains("step 'call' failed after 3 attempt(s)").contains("answered 503");
        assertThat(run.step("call").orElseThrow().attempts()).hasSize(3).allSatisfy(attempt -> assertThat(attempt.error()).contains("503"));
        assertThat(run.step("after")).isEmpty();
        assertThat(receiver.received("/flaky")).hasSize(3).extracting(r -> r.header("Idempotency-Key")).containsOnly(run.runId() + "/call");
    }

    @Test
    void testLoopOverEntitiesIsBoundedAndConditionsChooseTheBranch() {
        save("loop", """
                triggers: [{kind: manual}]
                steps:
                  - id: each
                    type: forEach
                    items: Inputs.devices
                    as: device
                    limit: 2
                    steps:
                      - id: pick
                        type: if
                        condition: tostring(device.kind) == "plc"
                        then:
                          - {id: plc, type: http, url: "%s", body: {device: "{{ device.id }}", at: "{{ deviceIndex }}"}}
                        else:
                          - {id: other, type: compose, value: "skipped {{ device.id }}"}
                """.formatted(receiver.url("/device")));

        PlaybookRun run = finished("loop", runner.start(new RunRequest(WS, "loop", "manual", "admin", Optional.empty(), Optional.empty(),
                Optional.empty(), PlaybookDocument.parse("{\"devices\":[{\"id\":\"d1\",\"kind\":\"plc\"},{\"id\":\"d2\",\"kind\":\"hmi\"},"
                        + "{\"id\":\"d3\",\"kind\":\"plc\"}]}", false))).runId());

        assertThat(run.status()).isEqualTo(RunStatus.Succeeded);
        assertThat(receiver.received("/device")).extracting(WebhookReceiver.Received::body).containsExactly("{\"device\":\"d1\",\"at\":0}");
        assertThat(run.step("each").orElseThrow().output().get("truncated").asBoolean()).isTrue();
        assertThat(run.step("each[1].other").orElseThrow().output().asText()).isEqualTo("skipped d2");
    }

    @Test
    void testRunCutShortByARestartResumesWithoutRepeatingTheCompletedStep() {
        save("twice", """
                triggers: [{kind: manual}]
                steps:
                  - {id: first, type: http, url: "%s"}
                  - {id: second, type: http, url: "%s"}
                  - {id: third, type: http, url: "%s"}
                """.formatted(receiver.url("/first"), receiver.url("/second"), receiver.url("/third")));
        receiver.holdAnswers();
        String runId = runner.start(new RunRequest(WS, "twice", "manual", "admin", Optional.empty(), Optional.empty(), Optional.empty(), null)).runId();
        receiver.releaseAnswers();
        Eventually.await("the first step done", () -> runs.get(WS, "twice", runId).step("first"), s -> s.filter(x -> x.status() == StepStatus.Succeeded).isPresent());
        receiver.holdAnswers();
        Eventually.await("the second step under way", () -> receiver.received("/second"), list -> list.size() == 1);

        stop();
        receiver.releaseAnswers();
        start();

        PlaybookRun run = finished("twice", runId);
        assertThat(run.status()).isEqualTo(RunStatus.Succeeded);
        assertThat(receiver.received("/first")).hasSize(1);
        // the step under way at the crash is tried again, as its second attempt, with the same key
        assertThat(receiver.received("/second")).hasSize(2).extracting(r -> r.header("Idempotency-Key")).containsOnly(runId + "/second");
        assertThat(run.step("second").orElseThrow().attempts()).extracting(StepAttempt::attempt).containsExactly(1, 2);
        assertThat(receiver.received("/third")).hasSize(1);
        // its rows, each once: the first step's was written before the restart, the rest after it
        String rows = "LogicAppWorkflowRuntime | where RunId == '" + runId + "' | summarize count() by ActionName, OperationName";
        List<List<Object>> counted = Eventually.await("the run's rows", () -> storage.logStore().query(WS, QueryRequest.of(rows)).primary().rows(),
                found -> found.size() >= 4);
        assertThat(counted).extracting(row -> ((Number) row.get(2)).longValue()).containsOnly(1L).hasSize(4);
        // and no checkpoint of its own is left behind (one per run would grow without bound)
        assertThat(storage.logStore().checkpoint("playbookRun/" + runId)).isZero();
    }

    @Test
    void testRunThatEndedJustBeforeACrashGetsItsRowsOnTheNextStartAndIsNotRunAgain() {
        save("quick", """
                triggers: [{kind: manual}]
                steps: [{id: only, type: http, url: "%s"}]
                """.formatted(receiver.url("/quick")));
        // what a crash leaves between recording a run's end and writing its rows: the run ended, no row of it in the table
        Instant now = Instant.now();
        PlaybookRun ended = new PlaybookRun(WS, "quick", 1, "ended-before-crash", "manual", "admin", null, RunStatus.Running,
                JsonNodeFactory.instance.objectNode(), List.of(), null, now, null).finished(RunStatus.Succeeded, null, now);
        runs.record(List.of(ended), () -> { });
        String rows = "LogicAppWorkflowRuntime | where RunId == 'ended-before-crash' | project OperationName";
        assertThat(storage.logStore().query(WS, QueryRequest.of(rows)).primary().rows()).isEmpty();

        stop();
        start();

        assertThat(storage.logStore().query(WS, QueryRequest.of(rows)).primary().rows()).extracting(row -> row.get(0))
                .containsExactly("WorkflowRunCompleted");
        assertThat(runs.unfinished()).isEmpty();
        assertThat(runs.get(WS, "quick", "ended-before-crash").status()).isEqualTo(RunStatus.Succeeded);
        assertThat(receiver.received("/quick")).isEmpty();
    }

    @Test
    void testEntityRunSeesItsEntityAndAScheduledPlaybookRunsOncePerSlot() {
        save("per-entity", """
                triggers: [{kind: entity}]
                steps: [{id: echo, type: compose, value: "{{ tostring(Entity.Address) }} of {{ array_length(Entities) }}"}]
                """);
        PlaybookRun entity = finished("per-entity", runner.start(new RunRequest(WS, "per-entity", "entity", "admin", Optional.empty(), Optional.empty(),
                Optional.of(PlaybookDocument.parse("{\"Type\":\"ip\",\"Address\":\"10.1.2.3\"}", false)), null)).runId());
        assertThat(entity.step("echo").orElseThrow().output().asText()).isEqualTo("10.1.2.3 of 1");

        save("hourly", """
                triggers: [{kind: schedule, every: PT1H}]
                steps: [{id: tick, type: compose, value: "{{ Trigger }}"}]
                """);
        // the current slot is started at the next tick of the schedule, once
        PlaybookRun scheduled = Eventually.await("a scheduled run", () -> runs.list(WS, "hourly", 10), list -> !list.isEmpty()).get(0);
        assertThat(scheduled.trigger()).isEqualTo("schedule");
        assertThat(scheduled.origin()).startsWith("schedule/");
        assertThat(finished("hourly", scheduled.runId()).step("tick").orElseThrow().output().asText()).isEqualTo("schedule");
        assertThat(runner.start(new RunRequest(WS, "hourly", "schedule", scheduled.origin(), Optional.empty(), Optional.empty(), Optional.empty(),
                null)).runId()).isEqualTo(scheduled.runId());
        assertThat(runs.list(WS, "hourly", 10)).hasSize(1);
    }
}
