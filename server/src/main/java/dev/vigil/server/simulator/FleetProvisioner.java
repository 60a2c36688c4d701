package dev.vigil.server.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates the fleet through the registry REST API: subscriptions, one resource group each, hubs
 * with security monitoring on and a {@code default} security group, and the devices, whose keys it
 * reads back; then, if the settings name a workspace, connects each subscription to it through the
 * Defender for IoT data connector. Every call is a PUT of the full resource, so running it again
 * changes nothing.
 */
public final class FleetProvisioner {
    /** Hub names start with this; the subscription and resource group carry the same mark. */
    public static final String PREFIX = "sim";
    /** Addresses the fleet's security groups deny: the suspicious-IP scenario connects to one of them. */
    public static final String DENIED_RANGE = "198.51.100.0/24";
    private static final String RESOURCE_GROUP = PREFIX + "-rg";

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final SimulationSettings settings;

    public FleetProvisioner(SimulationSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    public static String subscriptionId(int index) {
        return PREFIX + "-sub-" + index;
    }

    public static String hubName(int index) {
        return PREFIX + "-hub-" + index;
    }

    public static String deviceId(int index) {
        return PREFIX + "-device-" + index;
    }

    /** Creates or updates every resource and returns the devices with their keys, in index order. */
    public List<SimulatedDevice> provision() throws InterruptedException {
        for (int s = 0; s < settings.subscriptions(); s++) {
            put("/api/subscriptions/" + subscriptionId(s), Map.of("displayName", "Simulated fleet " + s));
            put("/api/subscriptions/" + subscriptionId(s) + "/resourceGroups/" + RESOURCE_GROUP, Map.of());
        }
        List<String> hubPaths = new ArrayList<>();
        for (int h = 0; h < settings.hubs(); h++) {
            String hubPath = hubPath(h);
            put(hubPath, Map.of("properties", Map.of("securitySettings", Map.of("status", "Enabled"))));
            put(hubPath + "/providers/Microsoft.Security/deviceSecurityGroups/default", Map.of("properties", Map.of(
                    "denylistRules", List.of(Map.of("ruleType", "ConnectionToIpNotAllowed", "isEnabled", true,
                            "allowlistValues", List.of(DENIED_RANGE), "valueType", "IpCidr")))));
            hubPaths.add(hubPath);
        }
        List<SimulatedDevice> devices = new ArrayList<>();
        for (int d = 0; d < settings.devices(); d++) {
            int hub = d % settings.hubs();
            String devicePath = hubPaths.get(hub) + "/devices/" + deviceId(d);
            put(devicePath, Map.of("status", "enabled", "tags", Map.of("SecurityGroup", "default", "simulated", "true")));
            String primaryKey = send("POST", devicePath + "/listKeys", null).path("primaryKey").asText();
            devices.add(new SimulatedDevice(hubPaths.get(hub), hubName(hub) + "." + settings.domain(), deviceId(d), primaryKey,
                    settings.protocols().get(d % settings.protocols().size())));
        }
        if (settings.connectWorkspace().isPresent()) {
            connect(settings.connectWorkspace().get());
        }
        return List.copyOf(devices);
    }

    /** Connects each subscription through the Defender for IoT data connector; a repeat changes nothing. */
    private void connect(String workspaceId) throws InterruptedException {
        for (int s = 0; s < settings.subscriptions(); s++) {
            put("/api/workspaces/" + workspaceId + "/dataConnectors/IoT/subscriptions/" + subscriptionId(s), Map.of("createIncidents", true));
        }
    }

    private String hubPath(int hub) {
        return "/api/subscriptions/" + subscriptionId(hub % settings.subscriptions()) + "/resourceGroups/" + RESOURCE_GROUP
                + "/providers/Microsoft.Devices/IotHubs/" + hubName(hub);
    }

    private void put(String path, Object body) throws InterruptedException {
        send("PUT", path, body);
    }

    private JsonNode send(String method, String path, Object body) throws InterruptedException {
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + settings.apiKey())
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SimulatorException(SimulatorException.SETUP_FAILED, method + " " + path + " failed: " + e, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SimulatorException(SimulatorException.SETUP_FAILED,
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new SimulatorException(SimulatorException.SETUP_FAILED, method + " " + path + " answered a body that is not JSON", e);
        }
    }

    private URI resolve(String path) {
        return settings.server().resolve(path);
    }
}
