package dev.vigil.iot.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The row a routed message becomes in a workspace table endpoint: IoT Hub's system properties as
 * columns, the application properties and the body as {@code dynamic}. The body is its JSON when the
 * message declares JSON in a UTF encoding ({@code BodyEncoding} {@code json}), else its text when it
 * is UTF-8 ({@code utf-8}), else its base64 ({@code base64}). {@code TimeGenerated} is the enqueued time.
 */
public final class RoutedRows {
    public static final List<RoutedColumn> COLUMNS = List.of(
            new RoutedColumn("IotHubName", "string"),
            new RoutedColumn("ConnectionDeviceId", "string"),
            new RoutedColumn("ConnectionModuleId", "string"),
            new RoutedColumn("EnqueuedTime", "datetime"),
            new RoutedColumn("MessageId", "string"),
            new RoutedColumn("CorrelationId", "string"),
            new RoutedColumn("UserId", "string"),
            new RoutedColumn("ContentType", "string"),
            new RoutedColumn("ContentEncoding", "string"),
            new RoutedColumn("InterfaceId", "string"),
            new RoutedColumn("ComponentName", "string"),
            new RoutedColumn("MessageSource", "string"),
            new RoutedColumn("ApplicationProperties", "dynamic"),
            new RoutedColumn("Body", "dynamic"),
            new RoutedColumn("BodyEncoding", "string"));
    /** IoT Hub's {@code iothub-message-source} of device telemetry. */
    static final String TELEMETRY = "Telemetry";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RoutedRows() {
    }

    static Map<String, Object> row(RoutableMessage message) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", message.enqueuedTime().toString());
        row.put("IotHubName", message.sender().hubName());
        row.put("ConnectionDeviceId", message.sender().deviceId());
        row.put("ConnectionModuleId", message.sender().moduleId().orElse(""));
        row.put("EnqueuedTime", message.enqueuedTime().toString());
        row.put("MessageId", system(message, "messageId"));
        row.put("CorrelationId", system(message, "correlationId"));
        row.put("UserId", system(message, "userId"));
        row.put("ContentType", system(message, "contentType"));
        row.put("ContentEncoding", system(message, "contentEncoding"));
        row.put("InterfaceId", system(message, "iothub-interface-id"));
        row.put("ComponentName", system(message, "dt-subject"));
        row.put("MessageSource", TELEMETRY);
        row.put("ApplicationProperties", new LinkedHashMap<>(message.applicationProperties()));
        Optional<Object> json = message.body().map(node -> JSON.convertValue(node, Object.class));
        if (json.isPresent()) {
            row.put("Body", json.get());
            row.put("BodyEncoding", "json");
        } else {
            Optional<String> text = message.utf8Body();
            row.put("Body", text.orElseGet(() -> Base64.getEncoder().encodeToString(message.bodyBytes())));
            row.put("BodyEncoding", text.isPresent() ? "utf-8" : "base64");
        }
        return row;
    }

    private static String system(RoutableMessage message, String name) {
        return message.systemProperty(name).orElse("");
    }
}
