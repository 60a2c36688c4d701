package dev.vigil.soc.playbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.iot.action.DeviceActions;
import dev.vigil.iot.action.DeviceConnections;
import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.endpoint.LoggingActivityListener;
import dev.vigil.iot.registry.DeviceStatus;
import dev.vigil.iot.registry.HubSecuritySettings;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.Subscription;
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
import dev.vigil.soc.playbook.action.DeviceServices;
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
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
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
    private IotRegistry registry;
    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace(WS);
        incidents = Incidents.open(storage.stateStore(), storage.logStore(), clock, () -> "http://vigil", List.of(IncidentAutomation.FOLLOWER));
        playbooks = Playbooks.open(storage.logStore(), storage.stateStore(), new SecretBox(SecretBox.newKey()), clock);
        runs = new PlaybookRuns(storage.logStore(), storage.stateStore(), clock);
        watchlists = new Watchlists(storage.logStore(), clock);
        registry = new IotRegistry(storage.stateStore());
        DeviceConnections offline = new DeviceConnections() {
            @Override
            public boolean disconnect(String hubName, String deviceId) {
                return false;
            }

            @Override
            public boolean sendToDevice(String hubName, String deviceId, byte[] body, Map<String, String> properties) {
                return false;
            }
        };
        DeviceServices devices = new DeviceServices(new DeviceActions(registry, offline, new LoggingActivityListener(), clock), registry,
                IotAlerts.open(storage.stateStore(), clock, Duration.ofHours(1)));
        mail.start();
        runner = PlaybookRunner.start(playbooks, runs, new StepActions(storage.logStore(), incidents, watchlists, Optional.of(devices)), incidents,
                storage.logStore(), clock);
        rules = AutomationRules.open(storage.logStore(), storage.stateStore(), clock, Optional.of(runner));
    }

    @AfterEach
    void close() {
        mail.stop();
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

    @Test
    void testMailByProductionLineTellsThePeopleOfEachDevicesLineOrSiteFromItsTags() throws Exception {
        registry.putSubscription(new Subscription("sub-1", "Plant"));
        registry.putResourceGroup("sub-1", "rg-1");
        IotHub hub = registry.putHub("sub-1", "rg-1", "plant-hub", new HubSecuritySettings(HubSecuritySettings.ENABLED, WS, null, null));
        registry.putDevice(hub, "plc-7", DeviceStatus.ENABLED, Map.of("productionLine", "line-3", "site", "north"));
        registry.putDevice(hub, "hmi-2", DeviceStatus.ENABLED, Map.of("site", "south"));
        registry.putDevice(hub, "rtu-9", DeviceStatus.ENABLED, Map.of());
        watchlist("productionlines", "Line", "Line,Email\nline-3,line3@example.com\nnorth,north@example.com\nsouth,south@example.com\n");
        templates.install(WS, "AD4IoT-MailByProductionLine", "notify-line", playbooks, rules, "admin");
        ObjectNode document = playbooks.get(WS, "notify-line").definition().document().deepCopy();
        ((ObjectNode) document.path("smtp")).put("host", "127.0.0.1").put("port", mail.getSmtp().getPort());
        playbooks.save(WS, "notify-line", document, Optional.empty(), "admin");
        Incident incident = incident("k-3", List.of(device(hub, "plc-7", "1"), device(hub, "hmi-2", "2"), device(hub, "rtu-9", "3"),
                device(hub, "gone-1", "4"), Map.of("$id", "5", "Type", "ip", "Address", "10.0.0.5")));

        assertThat(run("notify-line", incident).status()).isEqualTo(RunStatus.Succeeded);

        assertThat(mail.waitForIncomingEmail(10_000, 2)).isTrue();
        // the line's people for plc-7 (its productionLine tag wins over its site), the site's for hmi-2; nobody for rtu-9, gone-1 or the address
        assertThat(mail.getReceivedMessages()).hasSize(2);
        Map<String, String> subjects = new java.util.TreeMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            subjects.put(message.getAllRecipients()[0].toString(), message.getSubject());
        }
        assertThat(subjects).containsOnlyKeys("line3@example.com", "south@example.com");
        assertThat(subjects.get("line3@example.com")).endsWith("on line-3");
        assertThat(subjects.get("south@example.com")).endsWith("on south");
    }

    private static Map<String, Object> device(IotHub hub, String deviceId, String id) {
        return Map.of("$id", id, "Type", "iotdevice", "DeviceId", deviceId, "IoTHub", Map.of("Type", "azure-resource", "ResourceId", hub.resourceId()));
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
