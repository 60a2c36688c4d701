package dev.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.simulator.FlowQueries;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

class TestSimulateCommand {
    private static final String HUBS = "/api/subscriptions/%s/resourceGroups/sim-rg/providers/Microsoft.Devices/IotHubs";

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int vigil(String... args) {
        CommandLine command = VigilCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private int simulate(RunningServer server, String... more) {
        String[] common = {"simulate", "--server", "http://127.0.0.1:" + server.server().port(), "--api-key", server.apiKey(),
                "--mqtt-port", String.valueOf(server.server().mqttPort()), "--devices", "4", "--hubs", "2", "--subscriptions", "2",
                "--duration", "2s", "--rate", "50"};
        String[] args = new String[common.length + more.length];
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(more, 0, args, common.length, more.length);
        return vigil(args);
    }

    @Test
    void testShortSimulationCreatesTheFleetAndStoresEveryKindOfEventWithTheAttacks() {
        int exit = simulate(server, "--attacks");

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("Fleet ready: 4 devices (2 over MQTT, 2 over HTTPS) on 2 hub(s) in 2 subscription(s)")
                .contains("2 forged or expired tokens refused").contains("Done: ");
        JsonNode hubs = RunningServer.json(server.get(HUBS.formatted("sim-sub-1")));
        assertThat(hubs.path("value").path(0).path("properties").path("securitySettings").path("status").asText()).isEqualTo("Enabled");
        // Acknowledged means committed: the rows are there when the command returns.
        Map<String, Long> byName = countsByName(server);
        assertThat(byName).containsKeys("ListeningPorts", "LocalUsers", "FirewallConfiguration", "SystemInformation", "OSBaseline",
                "ProcessCreate", "Login", "ConnectionCreate");
        assertThat(server.count("SecurityIoTRawEvent | where EventDetails has 'xmrig' | count")).isEqualTo(1);
        assertThat(server.count("SecurityIoTRawEvent | where RawEventName == 'Login' and EventDetails has '203.0.113.45' | count")).isEqualTo(7);
        assertThat(server.count("SecurityIoTRawEvent | where EventDetails has '198.51.100.23' | count")).isEqualTo(1);
        assertThat(server.count("SecurityIoTRawEvent | distinct DeviceId | count")).isEqualTo(4);
        server.server().awaitDetection();
        assertThat(alertTypes(server)).containsExactlyInAnyOrder("IoT_BruteForceFailed", "IoT_BruteForceSucceeded",
                "IoT_LocalLoginFailed", "IoT_LocalLoginSucceeded", "IoT_ReverseShell", "IoT_CryptoCoinMiner", "IoT_BinaryCommandLine",
                "IoT_DisableFirewall", "IoT_PortForwarding", "IoT_KnownAttackTool", "IoT_BashHistoryCleared", "IoT_SystemLogsRemoved",
                "IoT_SuspiciousUseradd", "IoT_SuspiciousNohup", "IoT_SuspiciousIpCommunication", "IoT_Expired_SAS_Token",
                "IoT_Invalid_SAS_Token");
    }

    @Test
    void connectedFleetsAttacksBecomeSecurityAlertRowsAndIncidents() {
        int exit = simulate(server, "--attacks", "--connect-workspace", "default");

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("connected to workspace 'default'");
        JsonNode subscriptions = RunningServer.json(server.get("/api/workspaces/default/dataConnectors/IoT/subscriptions"));
        assertThat(subscriptions.path("value").findValuesAsText("state")).containsOnly("Connected").hasSize(2);
        server.server().awaitDetection();
        long alerts = Eventually.await("every IoT alert of the attacks as a SecurityAlert row",
                () -> server.count("SecurityAlert | where ProductName == 'Azure Security Center for IoT' | summarize dcount(SystemAlertId)"),
                count -> count >= 17);
        assertThat(alerts).isEqualTo(17);
        // "Create incidents" was on: one incident per alert, made within seconds of the event
        Eventually.await("an incident for every alert", () -> server.count("SecurityIncident | summarize dcount(IncidentNumber)"),
                count -> count >= 17);
        JsonNode latency = server.query(FlowQueries.EVENT_TO_INCIDENT_LATENCY).path("rows").path(0);
        assertThat(latency.path(0).asLong()).isEqualTo(17);
        assertThat(latency.path(3).asDouble()).as("slowest event -> incident, ms").isBetween(0.0, 10_000.0);
    }

    @Test
    void testRunningTwiceReusesTheFleetAndWithoutAttacksSendsOnlyBenignEvents() {
        assertThat(simulate(server)).as(err.toString()).isZero();
        assertThat(simulate(server)).as(err.toString()).isZero();

        assertThat(RunningServer.json(server.get(HUBS.formatted("sim-sub-0"))).path("value").size()).isEqualTo(1);
        assertThat(server.count("SecurityIoTRawEvent | distinct DeviceId | count")).isEqualTo(4);
        assertThat(server.count("SecurityIoTRawEvent | where EventDetails has_any ('xmrig', '203.0.113.45', '/dev/tcp/') | count")).isZero();
        server.server().awaitDetection();
        assertThat(alertTypes(server)).isEmpty();
    }

    @Test
    void testRefusesAServerThatIsNotOnThisMachine() {
        int exit = vigil("simulate", "--server", "http://192.0.2.10:8080", "--api-key", "vgl_x", "--duration", "1s");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("'192.0.2.10' is not a loopback address [NotLoopback]");
    }

    @Test
    void testRefusesAFleetBeyondItsBounds() {
        int exit = vigil("simulate", "--api-key", "vgl_x", "--devices", "20000");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("devices must be between 1 and 10000, got 20000");
    }

    /** The distinct alert types raised on the fleet's two subscriptions. */
    private static Set<String> alertTypes(RunningServer server) {
        Set<String> types = new TreeSet<>();
        for (String subscription : List.of("sim-sub-0", "sim-sub-1")) {
            HttpResponse<String> response = server.get("/api/subscriptions/" + subscription + "/providers/Microsoft.Security/iotAlerts?$top=1000");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            RunningServer.json(response).path("value").forEach(alert -> types.add(alert.path("alertType").asText()));
        }
        return types;
    }

    private static Map<String, Long> countsByName(RunningServer server) {
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode row : server.query("SecurityIoTRawEvent | summarize count() by RawEventName").path("rows")) {
            counts.put(row.path(0).asText(), row.path(1).asLong());
        }
        return counts;
    }
}
