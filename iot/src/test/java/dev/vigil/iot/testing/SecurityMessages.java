package dev.vigil.iot.testing;

import java.util.UUID;

/** Security messages as agents send them, for tests. */
public final class SecurityMessages {
    private SecurityMessages() {
    }

    public static String processCreate(String executable, int processId) {
        return message(event("Triggered", "ProcessCreate", "Security", false,
                "[{\"Executable\":\"" + executable + "\",\"ProcessId\":" + processId + ",\"ParentProcessId\":1593,\"UserId\":0,"
                        + "\"UserName\":\"root\",\"CommandLine\":\"" + executable + " -a\"}]"));
    }

    public static String message(String... events) {
        return "{\"AgentVersion\":\"0.0.1\",\"AgentId\":\"e89dc5f5-feac-4c3e-87e2-93c16f010c25\",\"MessageSchemaVersion\":\"1.0\",\"Events\":["
                + String.join(",", events) + "]}";
    }

    public static String event(String category, String name, String eventType, boolean isEmpty, String payload) {
        return "{\"EventType\":\"" + eventType + "\",\"Category\":\"" + category + "\",\"Name\":\"" + name + "\",\"IsEmpty\":" + isEmpty
                + ",\"PayloadSchemaVersion\":\"1.0\",\"Id\":\"" + UUID.randomUUID() + "\",\"TimestampLocal\":\"2019-01-27 15:48:52Z\","
                + "\"TimestampUTC\":\"2019-01-27T13:48:52.000Z\",\"Payload\":" + payload + "}";
    }
}
