package dev.vigil.server.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Writes schema 1.0 security messages as the Defender for IoT agent sends them: the periodic
 * snapshots of a Linux gateway, benign triggered events, and single events for the attack scenarios.
 */
public final class SecurityMessageWriter {
    /** The value of {@code iothub-interface-id} that marks a message as a security message. */
    public static final String SECURITY_INTERFACE_ID = "urn:azureiot:Security:SecurityAgent:1";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.ofHours(1));

    private static final List<String> BENIGN_COMMANDS = List.of(
            "/bin/ls -la /opt/telemetry", "/usr/bin/python3 /opt/telemetry/collect.py --interval 30", "/bin/systemctl status telemetry",
            "/usr/bin/df -h", "/bin/cat /proc/loadavg", "/usr/sbin/logrotate /etc/logrotate.conf", "/usr/bin/apt-get -qq update");

    private final ObjectMapper json = new ObjectMapper();
    private final String agentId;

    /** A writer for one device's agent; the agent id is derived from the device id so reruns keep it. */
    public SecurityMessageWriter(String deviceId) {
        this.agentId = UUID.nameUUIDFromBytes(("vigil-simulated-agent:" + deviceId).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** The five periodic snapshots of a healthy gateway in one message. */
    public List<ObjectNode> periodicEvents(Instant now) {
        return List.of(
                event("Periodic", "ListeningPorts", now, List.of(
                        Map.of("LocalAddress", "0.0.0.0", "LocalPort", "22", "Protocol", "tcp"),
                        Map.of("LocalAddress", "0.0.0.0", "LocalPort", "8883", "Protocol", "tcp"))),
                event("Periodic", "LocalUsers", now, List.of(
                        Map.of("UserName", "root", "UserId", "0", "GroupNames", "root", "GroupIds", "0"),
                        Map.of("UserName", "telemetry", "UserId", "1001", "GroupNames", "telemetry;dialout", "GroupIds", "1001;20"))),
                event("Periodic", "FirewallConfiguration", now, List.of(
                        Map.of("Enabled", true, "Action", "Allow", "Direction", "In", "ChainName", "INPUT", "Priority", 1,
                                "DestinationPort", "22", "Protocol", "tcp"),
                        Map.of("Enabled", true, "Action", "Deny", "Direction", "In", "ChainName", "INPUT", "Priority", 100))),
                event("Periodic", "SystemInformation", now, List.of(Map.of(
                        "OSName", "Ubuntu", "OSVersion", "22.04", "OSVendor", "Canonical", "OsArchitecture", "x86_64",
                        "HostName", "gateway", "TotalPhysicalMemoryInKB", 2_048_000, "FreePhysicalMemoryInKB", 1_024_000,
                        "TotalVirtualMemoryInKB", 4_096_000, "FreeVirtualMemoryInKB", 3_072_000))),
                event("Periodic", "OSBaseline", now, List.of(Map.of(
                        "Description", "Ensure SSH root login is disabled", "CceId", "CCE-4387-1", "Result", "Pass",
                        "Error", "", "Severity", "Critical"))));
    }

    /** Everyday triggered events: a service process, an outbound HTTPS connection, a remote SSH login. */
    public ObjectNode benignEvent(Instant now, RandomGenerator random) {
        return switch (random.nextInt(3)) {
            case 0 -> {
                String command = BENIGN_COMMANDS.get(random.nextInt(BENIGN_COMMANDS.size()));
                yield processCreate(now, command.substring(0, command.indexOf(' ')), command, "1001", "telemetry");
            }
            case 1 -> connectionCreate(now, "10.20.0." + (1 + random.nextInt(200)), "443", "/usr/bin/python3");
            default -> login(now, "telemetry", "10.20.1." + (1 + random.nextInt(200)), "Success");
        };
    }

    public ObjectNode processCreate(Instant now, String executable, String commandLine, String userId, String userName) {
        return event("Triggered", "ProcessCreate", now, List.of(Map.of("Executable", executable, "ProcessId", 4000 + Math.floorMod(commandLine.hashCode(), 20_000),
                "ParentProcessId", 1, "UserId", userId, "UserName", userName, "CommandLine", commandLine)));
    }

    /** A login over SSH from {@code remoteAddress}, or at the console when it is empty. */
    public ObjectNode login(Instant now, String userName, String remoteAddress, String result) {
        Map<String, Object> payload = remoteAddress.isEmpty()
                ? Map.of("ProcessId", 812, "UserName", userName, "Operation", "Login", "Executable", "/bin/login", "Result", result)
                : Map.of("ProcessId", 1207, "UserName", userName, "Operation", "Login", "Executable", "/usr/sbin/sshd",
                        "RemoteAddress", remoteAddress, "RemotePort", "51234", "LocalPort", "22", "Result", result);
        return event("Triggered", "Login", now, List.of(payload));
    }

    public ObjectNode connectionCreate(Instant now, String remoteAddress, String remotePort, String executable) {
        return event("Triggered", "ConnectionCreate", now, List.of(Map.of("RemoteAddress", remoteAddress, "RemotePort", remotePort,
                "LocalAddress", "10.20.0.250", "LocalPort", "40122", "Direction", "Out", "Protocol", "tcp", "ProcessId", 2211,
                "UserId", "1001", "Executable", executable)));
    }

    /** The message around the events, as JSON text. */
    public String message(List<ObjectNode> events) {
        ObjectNode message = json.createObjectNode()
                .put("AgentVersion", "3.13.1")
                .put("AgentId", agentId)
                .put("MessageSchemaVersion", "1.0");
        message.putArray("Events").addAll(events);
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message of plain values always serializes", e);
        }
    }

    private ObjectNode event(String category, String name, Instant now, List<Map<String, Object>> payload) {
        ObjectNode event = json.createObjectNode()
                .put("EventType", "Security")
                .put("Category", category)
                .put("Name", name)
                .put("IsEmpty", payload.isEmpty())
                .put("PayloadSchemaVersion", "1.0")
                .put("Id", UUID.randomUUID().toString())
                .put("TimestampLocal", LOCAL.format(now))
                .put("TimestampUTC", UTC.format(now));
        ArrayNode items = event.putArray("Payload");
        payload.forEach(item -> items.add(json.valueToTree(item)));
        return event;
    }
}
