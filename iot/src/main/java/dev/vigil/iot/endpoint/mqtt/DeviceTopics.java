package dev.vigil.iot.endpoint.mqtt;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The IoT Hub topic names, and how the endpoint keeps hubs apart inside the one broker: every
 * session is named {@code {hub}/{deviceId}} and every subscription is prefixed with {@code {hub}/},
 * so two hubs with a device of the same id never see each other's messages.
 */
final class DeviceTopics {
    private DeviceTopics() {
    }

    static String sessionKey(String hubName, String deviceId) {
        return hubName.toLowerCase(Locale.ROOT) + "/" + deviceId;
    }

    static String hubOfSession(String sessionKey) {
        return sessionKey.substring(0, sessionKey.indexOf('/'));
    }

    static String deviceOfSession(String sessionKey) {
        return sessionKey.substring(sessionKey.indexOf('/') + 1);
    }

    /** {@code devices/{id}/messages/events/}: what a device publishes to. */
    static String eventsPrefix(String deviceId) {
        return "devices/" + deviceId + "/messages/events/";
    }

    /** The property bag of a D2C topic, or empty when the topic is not the device's events topic. */
    static Optional<String> eventProperties(String topic, String deviceId) {
        String prefix = eventsPrefix(deviceId);
        if (topic.startsWith(prefix)) {
            return Optional.of(topic.substring(prefix.length()));
        }
        if (topic.equals(prefix.substring(0, prefix.length() - 1))) {
            return Optional.of("");
        }
        return Optional.empty();
    }

    /** The only filter a device may subscribe to. */
    static String cloudToDeviceFilter(String deviceId) {
        return "devices/" + deviceId + "/messages/devicebound/#";
    }

    /**
     * The topic a cloud-to-device message arrives on: the system properties {@code $.mid} (message
     * id) and {@code $.to}, then the application properties, as IoT Hub writes them.
     */
    static String cloudToDeviceTopic(String deviceId, String messageId, Map<String, String> properties) {
        StringBuilder bag = new StringBuilder()
                .append(encode("$.mid")).append('=').append(encode(messageId))
                .append('&').append(encode("$.to")).append('=').append(encode("/devices/" + deviceId + "/messages/devicebound"));
        new TreeMap<>(properties).forEach((name, value) -> bag.append('&').append(encode(name)).append('=').append(encode(value)));
        return "devices/" + deviceId + "/messages/devicebound/" + bag;
    }

    private static String encode(String text) {
        // '+' is an MQTT wildcard, so a space travels as %20
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String inBroker(String hubName, String topic) {
        return hubName.toLowerCase(Locale.ROOT) + "/" + topic;
    }
}
