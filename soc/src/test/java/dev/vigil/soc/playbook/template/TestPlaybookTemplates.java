package dev.vigil.soc.playbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.soc.automation.AutomationAction;
import dev.vigil.soc.automation.runtime.IncidentAutomation;
import dev.vigil.soc.automation.store.AutomationRules;
import dev.vigil.soc.incident.Classification;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentAlert;
import dev.vigil.soc.incident.IncidentLabel;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.incident.NewIncident;
import dev.vigil.soc.playbook.action.StepActions;
import dev.vigil.soc.playbook.run.PlaybookRun;
import dev.vigil.soc.playbook.run.PlaybookRunner;
import dev.vigil.soc.playbook.run.PlaybookRuns;
import dev.vigil.soc.playbook.run.RunRequest;
import dev.vigil.soc.playbook.run.RunStatus;
import dev.vigil.soc.playbook.store.Playbooks;
import dev.vigil.soc.playbook.store.SecretBox;
import dev.vigil.soc.testing.Eventually;
import dev.vigil.soc.watchlist.WatchlistContent;
import dev.vigil.soc.watchlist.WatchlistDefinition;
import dev.vigil.soc.watchlist.Watchlists;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in templates install into a new workspace as they ship, and act as Defender for IoT's playbooks do, on the real store. */
class TestPlaybookTemplates {
    private static final String WS = "w";

    @TempDir
    Path data;

    private final Clock clock = Clock.systemUTC();
    private final PlaybookTemplates templates = PlaybookTemplates.builtIn();
    private Storage storage;
    private Incidents incidents;
    private Playbooks playbooks;
    private PlaybookRuns runs;
    private PlaybookRunner runner;
    private AutomationRules rules;
    private Watchlists watchlists;

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace(WS);
        incidents = Incidents.open(storage.stateStore(), storage.logStore(), clock, () -> "http://vigil", List.of(IncidentAutomation.FOLLOWER));
        playbooks = Playbooks.open(storage.logStore(), storage.stateStore(), new SecretBox(SecretBox.newKey()), clock);
        runs = new PlaybookRuns(storage.logStore(), storage.stateStore(), clock);
        watchlists = new Watchlists(storage.logStore(), clock);
        runner = PlaybookRunner.start(playbooks, runs, new StepActions(storage.logStore(), incidents, watchlists, Optional.empty()), incidents,
                storage.logStore(), clock);
        rules = AutomationRules.open(storage.logStore(), storage.stateStore(), clock, Optional.of(runner));
    }

    @AfterEach
    void close() {
        runner.close();
        incidents.close();
        storage.close();
    }

    @Test
    void testEveryTemplateInstallsWithItsRuleDisabledAndRunningIt() {
        assertThat(templates.list()).hasSize(9);
        for (PlaybookTemplate template : templates.list()) {
            InstalledTemplate installed = templates.install(WS, template.name(), template.name(), playbooks, rules, "admin");
            assertThat(installed.playbook().name()).isEqualTo(template.name());
            installed.automationRule().ifPresent(rule -> {
                assertThat(rule.triggeringLogic().isEnabled()).isFalse();
                assertThat(rule.actions()).singleElement().isInstanceOfSatisfying(AutomationAction.RunPlaybook.class,
                        run -> assertThat(run.playbook()).isEqualTo(template.name()));
            });
        }
        assertThat(playbooks.list(WS)).hasSize(9);
        assertThat(rules.list(WS)).hasSize(7);
    }

    @Test
    void testTriageRaisesCriticalAssetsThenAutoCloseClosesIncidentsFromKnownAddresses() {
        watchlist("deviceimportance", "DeviceId", "DeviceId,Importance\nplc-7,High\nhmi-2,Low\n");
        watchlist("ipaddresses", "Address", "Address\n10.0.0.5\n");
        templates.install(WS, "AD4IoT-AutoTriageIncident", "triage", playbooks, rules, "admin");
        templates.install(WS, "AD4IoT-AutoCloseIncidents", "autoclose", playbooks, rules, "admin");
        Incident critical = incident("k-1", List.of(Map.of("$id", "1", "Type", "iotdevice", "DeviceId", "plc-7"),
                Map.of("$id", "2", "Type", "ip", "Address", "10.0.0.5")));
        Incident ordinary = incident("k-2", List.of(Map.of("$id", "1", "Type", "iotdevice", "DeviceId", "hmi-2"),
                Map.of("$id", "2", "Type", "ip", "Address", "10.0.0.9")));

        for (Incident incident : List.of(critical, ordinary)) {
            assertThat(run("triage", incident).status()).isEqualTo(RunStatus.Succeeded);
            assertThat(run("autoclose", incident).status()).isEqualTo(RunStatus.Succeeded);
        }

        Incident raised = incidents.get(WS, critical.name());
        assertThat(raised.severity()).isEqualTo(IncidentSeverity.HIGH);
        assertThat(raised.labels()).extracting(IncidentLabel::name).contains("critical-asset");
        assertThat(raised.closure()).hasValueSatisfying(closure -> assertThat(closure.classification()).isEqualTo(Classification.BENIGN_POSITIVE));
        Incident untouched = incidents.get(WS, ordinary.name());
        assertThat(untouched.severity()).isEqualTo(IncidentSeverity.MEDIUM);
        assertThat(untouched.closure()).isEmpty();
    }

    private PlaybookRun run(String playbook, Incident incident) {
        String runId = runner.start(RunRequest.onIncident(WS, playbook, incident.name(), "admin")).runId();
        return Eventually.await("run of " + playbook, () -> runs.get(WS, playbook, runId), run -> run.status().finished());
    }

    private void watchlist(String alias, String key, String csv) {
        watchlists.save(WS, alias, new WatchlistDefinition(alias, "test", "test.csv", key, "", WatchlistContent.parse(csv, 0, "rawContent")),
                Optional.empty(), "admin");
    }

    private Incident incident(String key, List<Map<String, Object>> entities) {
        Instant now = Instant.now();
        IncidentAlert alert = new IncidentAlert("alert-" + key, "Unauthorized PLC programming", IncidentSeverity.MEDIUM, "New",
                "Azure Security Center for IoT", "IoTSecurity", now, now, List.of(), List.of(), entities);
        return incidents.create(WS, NewIncident.of(key, "PLC programmed", IncidentSeverity.MEDIUM, "test").withAlerts(List.of(alert))).incident();
    }
}
