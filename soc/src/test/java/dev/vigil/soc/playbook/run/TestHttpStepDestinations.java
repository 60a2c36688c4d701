package dev.vigil.soc.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.soc.automation.runtime.IncidentAutomation;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.outbound.HttpStepAllowList;
import dev.vigil.soc.playbook.action.StepActions;
import dev.vigil.soc.playbook.document.PlaybookDocument;
import dev.vigil.soc.playbook.store.Playbooks;
import dev.vigil.soc.playbook.store.SecretBox;
import dev.vigil.soc.testing.Eventually;
import dev.vigil.soc.testing.WebhookReceiver;
import dev.vigil.soc.watchlist.Watchlists;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code http} steps may go: public addresses, and private ones only when allowed, redirects included; real servers on loopback. */
class TestHttpStepDestinations {
    private static final String WS = "w";

    @TempDir
    Path data;

    private final WebhookReceiver allowed = new WebhookReceiver();
    private final WebhookReceiver other = new WebhookReceiver();
    private Storage storage;
    private Incidents incidents;
    private PlaybookRunner runner;
    private PlaybookRuns runs;
    private Playbooks playbooks;

    private void start(HttpStepAllowList allowList) {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace(WS);
        Clock clock = Clock.systemUTC();
        incidents = Incidents.open(storage.stateStore(), storage.logStore(), clock, () -> "http://vigil", List.of(IncidentAutomation.FOLLOWER));
        playbooks = Playbooks.open(storage.logStore(), storage.stateStore(), new SecretBox(SecretBox.newKey()), clock);
        runs = new PlaybookRuns(storage.logStore(), storage.stateStore(), clock);
        runner = PlaybookRunner.start(playbooks, runs, new StepActions(storage.logStore(), incidents, new Watchlists(storage.logStore(), clock),
                Optional.empty(), allowList), incidents, storage.logStore(), clock);
    }

    @AfterEach
    void close() {
        runner.close();
        incidents.close();
        storage.close();
        allowed.close();
        other.close();
    }

    private PlaybookRun call(String url) {
        playbooks.save(WS, "call", PlaybookDocument.parse("""
                triggers: [{kind: manual}]
                steps: [{id: call, type: http, method: POST, url: "%s", body: {n: 1}}]
                """.formatted(url), true), Optional.empty(), "admin");
        String runId = runner.start(new RunRequest(WS, "call", "manual", "admin", Optional.empty(), Optional.empty(), Optional.empty(), null)).runId();
        return Eventually.await("run " + runId + " finishing", () -> runs.get(WS, "call", runId), run -> run.status().finished());
    }

    @Test
    void testLoopbackIsRefusedByDefaultNamingTheAddressAndTheSetting() {
        start(HttpStepAllowList.none());

        PlaybookRun run = call(allowed.url("/hook"));

        assertThat(run.status()).isEqualTo(RunStatus.Failed);
        assertThat(run.error()).contains("127.0.0.1 is a loopback address").contains("--playbook-http-allow " + allowed.address())
                .contains("docs/operations.md");
        assertThat(allowed.received()).isEmpty();
    }

    @Test
    void testAHostNameIsCheckedByTheAddressesItResolvesTo() {
        start(HttpStepAllowList.none());

        PlaybookRun run = call(allowed.url("/hook").replace("127.0.0.1", "localhost"));

        assertThat(run.status()).isEqualTo(RunStatus.Failed);
        assertThat(run.error()).contains("localhost resolves to ").contains("a loopback address");
        assertThat(allowed.received()).isEmpty();
    }

    @Test
    void testAnAllowedAddressAndPortIsCalledAndAnotherPortOfTheSameAddressIsNot() {
        start(HttpStepAllowList.parse(List.of(allowed.address())));

        assertThat(call(allowed.url("/hook")).status()).isEqualTo(RunStatus.Succeeded);
        PlaybookRun refused = call(other.url("/hook"));

        assertThat(allowed.received("/hook")).hasSize(1);
        assertThat(refused.status()).isEqualTo(RunStatus.Failed);
        assertThat(refused.error()).contains(other.address());
        assertThat(other.received()).isEmpty();
    }

    @Test
    void testARedirectIsFollowedOnlyToAnAllowedAddress() {
        start(HttpStepAllowList.parse(List.of(allowed.address())));
        allowed.redirect("/moved", allowed.url("/hook"));
        allowed.redirect("/away", other.url("/hook"));

        PlaybookRun followed = call(allowed.url("/moved"));
        PlaybookRun refused = call(allowed.url("/away"));

        assertThat(followed.status()).isEqualTo(RunStatus.Succeeded);
        assertThat(followed.step("call").orElseThrow().output().get("status").asInt()).isEqualTo(200);
        // a 302 after a POST goes on as a GET, as browsers do
        assertThat(allowed.received("/hook")).extracting(WebhookReceiver.Received::method).containsExactly("GET");
        assertThat(refused.status()).isEqualTo(RunStatus.Failed);
        assertThat(refused.error()).contains(other.url("/hook")).contains("a loopback address");
        assertThat(other.received()).isEmpty();
    }
}
