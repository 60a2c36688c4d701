package dev.vigil.server.api.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Defender for IoT connector end to end on the real server: devices send security messages
 * over HTTPS on loopback, detection raises IoT alerts, and the connector streams them into the
 * workspace's SecurityAlert while their subscription is connected.
 */
class TestIotConnectorRoutes {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String SUBSCRIPTIONS = "/api/workspaces/default/dataConnectors/IoT/subscriptions";
    private static final String IOT_ROWS = "SecurityAlert | where ProductName == \"Azure Security Center for IoT\"";

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void connectRefusedWhenNoHubHasDefender() {
        createHub("sub-1", "quiet-hub", "Disabled");

        HttpResponse<String> refused = server.sendJson("PUT", SUBSCRIPTIONS + "/sub-1", server.apiKey(), Map.of("createIncidents", true));

        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode error = RunningServer.json(refused).path("error");
        assertThat(error.path("code").asText()).isEqualTo("DefenderForIoTNotEnabled");
        assertThat(error.path("message").asText()).contains("Enable Defender for IoT (security monitoring) on an IoT hub of this subscription");
        JsonNode listed = RunningServer.json(server.get(SUBSCRIPTIONS)).path("value").path(0);
        assertThat(listed.path("state").asText()).isEqualTo("Disconnected");
        assertThat(listed.path("hubCount").asInt()).isEqualTo(1);
        assertThat(listed.path("monitoredHubCount").asInt()).isZero();
    }

    @Test
    void connectNeedsContributorOnTheSubscriptionAndWriteOnTheWorkspace() {
        createHub("sub-1", "plant-hub", "Enabled");
        String workspaceOnly = user("ws-contributor", "Contributor", "Reader");
        String subscriptionOnly = user("sub-contributor", "Reader", "Contributor");

        HttpResponse<String> noSubscriptionRole = server.sendJson("PUT", SUBSCRIPTIONS + "/sub-1", workspaceOnly, Map.of());
        HttpResponse<String> noWorkspaceWrite = server.sendJson("PUT", SUBSCRIPTIONS + "/sub-1", subscriptionOnly, Map.of());
        HttpResponse<String> disconnect = server.sendJson("DELETE", SUBSCRIPTIONS + "/sub-1", workspaceOnly, null);

        assertThat(noSubscriptionRole.statusCode()).isEqualTo(403);
        assertThat(RunningServer.json(noSubscriptionRole).path("error").path("message").asText())
                .isEqualTo("The caller 'ws-contributor' has Reader on subscription 'sub-1'; this request requires Contributor on subscription 'sub-1'.");
        assertThat(noWorkspaceWrite.statusCode()).isEqualTo(403);
        assertThat(RunningServer.json(noWorkspaceWrite).path("error").path("message").asText())
                .isEqualTo("The caller 'sub-contributor' has Reader on workspace 'default'; this request requires Contributor on workspace 'default'.");
        assertThat(disconnect.statusCode()).isEqualTo(403);
        assertThat(RunningServer.json(server.get(SUBSCRIPTIONS)).path("value").path(0).path("state").asText()).isEqualTo("Disconnected");
        // a reader of the workspace sees the subscriptions it holds a role on, and only those
        createHub("sub-2", "yard-hub", "Enabled");
        JsonNode seen = RunningServer.json(server.sendJson("GET", SUBSCRIPTIONS, subscriptionOnly, null));
        assertThat(seen.path("value").findValuesAsText("subscriptionId")).containsExactly("sub-1");
    }

    @Test
    void connectIsIdempotentAndStoresCreateIncidents() {
        createHub("sub-1", "plant-hub", "Enabled");

        HttpResponse<String> first = server.sendJson("PUT", SUBSCRIPTIONS + "/sub-1", server.apiKey(), null);
        HttpResponse<String> again = server.sendJson("PUT", SUBSCRIPTIONS + "/sub-1", server.apiKey(), Map.of("createIncidents", false));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(RunningServer.json(first).path("createIncidents").asBoolean()).isTrue();
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode state = RunningServer.json(again);
        assertThat(state.path("state").asText()).isEqualTo("Connected");
        assertThat(state.path("createIncidents").asBoolean()).isFalse();
        assertThat(state.path("connectedSince").asText()).isEqualTo(RunningServer.json(first).path("connectedSince").asText());
        assertThat(state.path("hubs").path(0).path("securityMonitoring").asText()).isEqualTo("Enabled");
        JsonNode gallery = RunningServer.json(server.get("/api/workspaces/default/dataConnectors/IoT"));
        assertThat(gallery.path("connectionStatus").asText()).isEqualTo("Connected");
        awaitTrue(() -> server.count("VigilAudit | where Category == \"DataConnector\" and Properties.subscription == \"sub-1\" | count") == 2);
    }

    @Test
    void anAlertBecomesASecurityAlertRowAndAStatusChangeASecondOne() {
        String key = createHub("sub-1", "plant-hub", "Enabled");
        connect("sub-1");

        sendBruteForce("plant-hub", key);

        JsonNode row = awaitRow(IOT_ROWS + " | where AlertType == \"IoT_BruteForceSucceeded\"");
        String alertId = column(row, "SystemAlertId");
        assertThat(column(row, "AlertName")).isEqualTo("Successful Bruteforce attempt");
        assertThat(column(row, "ProviderName")).isEqualTo("IoTSecurity");
        assertThat(column(row, "ResourceId")).isEqualTo("/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/plant-hub");
        assertThat(column(row, "CompromisedEntity")).isEqualTo("sensor-1");
        assertThat(column(row, "Status")).isEqualTo("New");
        assertThat(column(row, "Tactics")).isEqualTo("CredentialAccess");

        HttpResponse<String> changed = server.sendJson("PATCH", "/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts/" + alertId,
                server.apiKey(), Map.of("status", "InProgress"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        awaitTrue(() -> server.count(IOT_ROWS + " | where SystemAlertId == \"" + alertId + "\" | count") == 2);
        assertThat(server.count(IOT_ROWS + " | where SystemAlertId == \"" + alertId + "\" and Status == \"InProgress\" | count")).isEqualTo(1);
        JsonNode gallery = RunningServer.json(server.get("/api/workspaces/default/dataConnectors/IoT"));
        assertThat(gallery.path("dataTypes").path(0).path("lastDataReceived").isTextual()).isTrue();
        assertThat(server.get("/metrics").body()).containsPattern("vigil_connector_iot_rows_total(\\{[^}]*\\})? [1-9]");
    }

    @Test
    void disconnectStopsStreamingAndAnUnconnectedSubscriptionSendsNothing() {
        String plantKey = createHub("sub-1", "plant-hub", "Enabled");
        String yardKey = createHub("sub-2", "yard-hub", "Enabled");
        connect("sub-1");
        sendBruteForce("plant-hub", plantKey);
        sendBruteForce("yard-hub", yardKey);
        server.server().awaitDetection();
        long plantVersions = awaitFeedVersions("sub-1", 1);
        awaitTrue(() -> server.count(IOT_ROWS + " | count") == plantVersions);

        HttpResponse<String> disconnected = server.sendJson("DELETE", SUBSCRIPTIONS + "/sub-1", server.apiKey(), null);
        assertThat(disconnected.statusCode()).isEqualTo(204);
        sendBruteForce("plant-hub", plantKey);
        server.server().awaitDetection();
        awaitFeedVersions("sub-1", plantVersions + 1);
        awaitTrue(() -> metric("vigil_connector_iot_lag_versions") == 0);

        assertThat(server.count(IOT_ROWS + " | count")).isEqualTo(plantVersions);
        assertThat(server.count(IOT_ROWS + " | where ResourceId has \"yard-hub\" | count")).isZero();
        assertThat(RunningServer.json(server.get(SUBSCRIPTIONS)).path("value").findValuesAsText("state")).containsExactly("Disconnected", "Disconnected");
    }

    @Test
    void exactlyOneRowPerVersionAcrossARestartAndTheConnectionSurvivesIt() {
        String key = createHub("sub-1", "plant-hub", "Enabled");
        connect("sub-1");
        for (int message = 0; message < 3; message++) {
            sendBruteForce("plant-hub", key);
        }
        server.server().awaitDetection();
        long versions = awaitFeedVersions("sub-1", 1);

        // stop wherever the streamer is: it may have written none, some or all of the versions
        server.restart();

        assertThat(RunningServer.json(server.get(SUBSCRIPTIONS)).path("value").path(0).path("state").asText()).isEqualTo("Connected");
        awaitTrue(() -> server.count(IOT_ROWS + " | count") >= versions);
        awaitTrue(() -> metric("vigil_connector_iot_lag_versions") == 0);
        assertThat(server.count(IOT_ROWS + " | count")).isEqualTo(versions);
        assertThat(server.count(IOT_ROWS + " | summarize by SystemAlertId, Status, tostring(TimeGenerated) | count")).isEqualTo(versions);
        // and it keeps streaming after the restart
        sendBruteForce("plant-hub", key);
        server.server().awaitDetection();
        long more = awaitFeedVersions("sub-1", versions + 1);
        awaitTrue(() -> server.count(IOT_ROWS + " | count") == more);
    }

    // --- helpers

    private void connect(String subscription) {
        HttpResponse<String> connected = server.sendJson("PUT", SUBSCRIPTIONS + "/" + subscription, server.apiKey(), Map.of("createIncidents", true));
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
    }

    /** A user with these roles on workspace 'default' and subscription 'sub-1'; returns its key. */
    private String user(String name, String workspaceRole, String subscriptionRole) {
        server.createUser(name, null);
        server.grant(name, workspaceRole, "/workspaces/default");
        server.grant(name, subscriptionRole, "/subscriptions/sub-1");
        return server.issueKey(name);
    }

    /** Subscription, resource group {@code rg-1}, the hub and device {@code sensor-1}; returns the device's primary key. */
    private String createHub(String subscription, String hub, String monitoring) {
        return IotDevices.createHub(server, subscription, hub, monitoring);
    }

    /** Five failed SSH logins and a successful one, sent as one security message over HTTPS. */
    private void sendBruteForce(String hub, String key) {
        HttpResponse<String> sent = IotDevices.sendOverHttps(server, hub, key, IotDevices.bruteForce(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
    }

    /** Waits until the subscription's alert feed holds at least {@code atLeast} versions; returns how many it holds. */
    private long awaitFeedVersions(String subscription, long atLeast) {
        String feed = "/api/subscriptions/" + subscription + "/providers/Microsoft.Security/iotAlertFeed?limit=1000";
        return Eventually.await(atLeast + " versions in the alert feed of " + subscription,
                () -> (long) RunningServer.json(server.get(feed)).path("value").size(), versions -> versions >= atLeast, DEADLINE);
    }

    private JsonNode awaitRow(String kql) {
        return Eventually.await("a row of '" + kql + "'", () -> server.query(kql), table -> !table.path("rows").isEmpty(), DEADLINE);
    }

    /** The value of a column in the first row of a result table. */
    private static String column(JsonNode table, String name) {
        JsonNode columns = table.path("columns");
        for (int i = 0; i < columns.size(); i++) {
            if (columns.path(i).path("name").asText().equals(name)) {
                return table.path("rows").path(0).path(i).asText();
            }
        }
        throw new AssertionError("no column " + name + " in " + table);
    }

    /** A gauge's value on /metrics, or -1 when it is not there. */
    private long metric(String name) {
        for (String line : server.get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    private static void awaitTrue(BooleanSupplier condition) {
        Eventually.await("condition", condition::getAsBoolean, met -> met, DEADLINE);
    }
}
