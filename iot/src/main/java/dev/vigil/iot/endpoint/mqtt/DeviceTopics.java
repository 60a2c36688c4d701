package dev.vigil.iot.endpoint.mqtt;

import java.util.Locale;
import java.util.Optional;

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

    static String cloudToDeviceTopic(String deviceId, String propertyBag) {
        return "devices/" + deviceId + "/messages/devicebound/" + propertyBag;
    }

    static String inBroker(String hubName, String topic) {
        return hubName.toLowerCase(Locale.ROOT) + "/" + topic;
    }

    static String outOfBroker(String topic) {
        return topic.substring(topic.indexOf('/') + 1);
    }
}
