package dev.vigil.bench;

import dev.vigil.soc.automation.json.AutomationRuleJson;
import dev.vigil.soc.automation.runtime.IncidentAutomation;
import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.incident.NewIncident;
import dev.vigil.soc.playbook.action.StepActions;
import dev.vigil.soc.playbook.document.PlaybookDocument;
import dev.vigil.soc.playbook.run.PlaybookRun;
import dev.vigil.soc.playbook.run.PlaybookRunner;
import dev.vigil.soc.playbook.run.PlaybookRuns;
import dev.vigil.soc.playbook.store.Playbooks;
import dev.vigil.soc.playbook.store.SecretBox;
import dev.vigil.soc.watchlist.Watchlists;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Incident created → its playbook's first step started, on the real store: an enabled automation
 * rule runs a playbook on every new incident, and each operation creates an incident and returns
 * when the run's record shows its first step begun (told by the runs' listener, no polling). The
 * path measured: the incident's commit, automation waking on it, the rule's run (its
 * {@code SentinelHealth} row is committed with automation's position), the run recorded, a worker
 * taking it, its variables and the step's templates evaluated by a KQL query, the step recorded.
 * {@code firstStep} compares a step without templates ({@code compose} of a constant) with one
 * whose values are a KQL evaluation ({@code addComment} with a template).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class PlaybookLatencyBenchmark {
    private static final String WS = "bench";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Param({"compose", "addComment"})
    public String firstStep;

    private Path data;
    private Storage storage;
    private Incidents incidents;
    private PlaybookRunner runner;
    private IncidentAutomation automation;
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    @Setup
    public void setUp() throws IOException {
        data = Files.createTempDirectory("vigil-playbook-bench");
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace(WS);
        Clock clock = Clock.systemUTC();
        incidents = Incidents.open(storage.stateStore(), storage.logStore(), clock, () -> "http://vigil", List.of(IncidentAutomation.FOLLOWER));
        Playbooks playbooks = Playbooks.open(storage.logStore(), storage.stateStore(), new SecretBox(SecretBox.newKey()), clock);
        PlaybookRuns runs = new PlaybookRuns(storage.logStore(), storage.stateStore(), clock);
        runs.addListener(this::seen);
        runner = PlaybookRunner.start(playbooks, runs, new StepActions(storage.logStore(), incidents, new Watchlists(storage.logStore(), clock),
                Optional.empty()), incidents, storage.logStore(), clock);
        String step = firstStep.equals("compose") ? "{id: first, type: compose, value: started}"
                : "{id: first, type: addComment, message: \"Seen: {{ IncidentTitle }} ({{ IncidentSeverity }})\"}";
        playbooks.save(WS, "bench", PlaybookDocument.parse("triggers: [{kind: incident}]\nsteps: [" + step + "]\n", true), Optional.empty(), "bench");
        AutomationRules rules = AutomationRules.open(storage.logStore(), storage.stateStore(), clock, Optional.of(runner));
        rules.save(WS, "run-bench", AutomationRuleJson.read(JSON.readTree("""
                {"properties":{"displayName":"bench","order":1,"triggeringLogic":{"isEnabled":true,"triggersOn":"Incidents","triggersWhen":"Created",
                 "conditions":[]},"actions":[{"order":1,"actionType":"RunPlaybook","actionConfiguration":{"logicAppResourceId":"bench"}}]}}""")),
                Optional.empty(), "bench");
        automation = IncidentAutomation.start(incidents, rules, storage.logStore(), storage.stateStore(), clock, Optional.of(runner));
    }

    private void seen(PlaybookRun run) {
        if (!run.steps().isEmpty()) {
            CompletableFuture<Void> done = waiting.remove(run.inputs().path("IncidentTitle").asText());
            if (done != null) {
                done.complete(null);
            }
        }
    }

    /** One incident created, until its playbook's first step has started. */
    @Benchmark
    public void incidentToFirstStep() throws Exception {
        long number = next.incrementAndGet();
        String title = "PLC reprogrammed #" + number;
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiting.put(title, done);
        NewIncident incident = NewIncident.of("bench-" + number, title, IncidentSeverity.HIGH, "bench");
        incidents.create(WS, incident);
        done.get(30, TimeUnit.SECONDS);
    }

    @TearDown
    public void tearDown() throws IOException {
        automation.close();
        runner.close();
        incidents.close();
        storage.close();
    }
}
