package dev.vigil.iot.detection;

import dev.vigil.iot.message.SecurityEvent;
import dev.vigil.iot.message.SecurityMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Realistic security messages (schema 1.0) as a Linux agent sends them, for driving the engine. */
final class SecurityMessages {
    static final Instant T0 = Instant.parse("2024-05-06T10:00:00Z");
    private static final AtomicLong NEXT_ID = new AtomicLong();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.ofHours(2));

    private SecurityMessages() {
    }

    static SecurityMessage message(SecurityEvent... events) {
        return new SecurityMessage("0.0.1", "e89dc5f5-feac-4c3e-87e2-93c16f010c25", "1.0", List.of(events));
    }

    static SecurityEvent event(String category, String name, Instant at, List<Map<String, Object>> payload) {
        String id = UUID.nameUUIDFromBytes(("event-" + NEXT_ID.incrementAndGet()).getBytes(StandardCharsets.UTF_8)).toString();
        return new SecurityEvent(id, LOCAL.format(at), at, category, name, "Security", payload.isEmpty(), "1.0", payload);
    }

    static SecurityEvent processCreate(Instant at, String executable, String commandLine, String userName) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("Executable", executable);
        item.put("ProcessId", 11750);
        item.put("ParentProcessId", 1593);
        item.put("UserId", userName.equals("root") ? 0 : 1000);
        item.put("UserName", userName);
        item.put("CommandLine", commandLine);
        return event("Triggered", "ProcessCreate", at, List.of(item));
    }

    static SecurityEvent login(Instant at, String result, String userName, String remoteAddress, String executable) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("ProcessId", 28207);
        item.put("UserName", userName);
        item.put("Operation", "Login");
        item.put("Executable", executable);
        if (!remoteAddress.isEmpty()) {
            item.put("RemoteAddress", remoteAddress);
            item.put("RemotePort", "51234");
            item.put("LocalPort", "22");
        }
        item.put("Result", result);
        return event("Triggered", "Login", at, List.of(item));
    }

    static SecurityEvent sshLogin(Instant at, String result, String userName, String remoteAddress) {
        return login(at, result, userName, remoteAddress, "/usr/sbin/sshd");
    }

    static SecurityEvent connection(Instant at, String direction, String remoteAddress, String remotePort, String executable) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("RemoteAddress", remoteAddress);
        item.put("RemotePort", remotePort);
        item.put("LocalAddress", "192.168.1.20");
        item.put("LocalPort", direction.equals("In") ? "22" : "40512");
        item.put("Direction", direction);
        item.put("Protocol", "tcp");
        item.put("ProcessId", 2210);
        item.put("UserId", 0);
        item.put("Executable", executable);
        item.put("CommandLine", executable);
        return event("Triggered", "ConnectionCreate", at, List.of(item));
    }

    /** A LocalUsers snapshot: user name → groups. */
    static SecurityEvent localUsers(Instant at, Map<String, List<String>> users) {
        List<Map<String, Object>> payload = new ArrayList<>();
        int uid = 1000;
        for (Map.Entry<String, List<String>> user : users.entrySet()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("UserName", user.getKey());
            item.put("UserId", user.getKey().equals("root") ? "0" : Integer.toString(uid++));
            item.put("GroupNames", String.join(";", user.getValue()));
            item.put("GroupIds", String.join(";", user.getValue().stream().map(group -> Integer.toString(Math.abs(group.hashCode()) % 1000)).toList()));
            payload.add(item);
        }
        return event("Periodic", "LocalUsers", at, payload);
    }

    static SecurityEvent firewall(Instant at, boolean denyRuleEnabled) {
        Map<String, Object> allowSsh = new LinkedHashMap<>();
        allowSsh.put("Enabled", true);
        allowSsh.put("Action", "Allow");
        allowSsh.put("Priority", 1);
        allowSsh.put("Direction", "In");
        allowSsh.put("ChainName", "INPUT");
        allowSsh.put("DestinationPort", "22");
        allowSsh.put("Protocol", "tcp");
        Map<String, Object> dropRest = new LinkedHashMap<>();
        dropRest.put("Enabled", denyRuleEnabled);
        dropRest.put("Action", "Deny");
        dropRest.put("Priority", 2);
        dropRest.put("Direction", "In");
        dropRest.put("ChainName", "INPUT");
        return event("Periodic", "FirewallConfiguration", at, List.of(allowSsh, dropRest));
    }
}
