package dev.vigil.iot.endpoint;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The property bag IoT Hub reads from the end of an MQTT topic: URL-encoded {@code k=v&...},
 * system properties prefixed with {@code $.} (e.g. {@code $.ifid}, {@code $.ct}).
 */
public record MessageProperties(Map<String, String> system, Map<String, String> application) {

    public static MessageProperties parse(String bag) {
        Map<String, String> system = new LinkedHashMap<>();
        Map<String, String> application = new LinkedHashMap<>();
        if (bag != null && !bag.isEmpty()) {
            for (String pair : bag.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (name.startsWith("$.")) {
                    system.put(name.substring(2), value);
                } else {
                    application.put(name, value);
                }
            }
        }
        return new MessageProperties(Map.copyOf(system), Map.copyOf(application));
    }

    /** {@code $.ifid}: the interface id that marks security messages. */
    public java.util.Optional<String> interfaceId() {
        return java.util.Optional.ofNullable(system.get("ifid"));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
