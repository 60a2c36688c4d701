package dev.vigil.iot.endpoint.mqtt;

import dev.vigil.iot.device.DeviceAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The IoT Hub topic names, and how the endpoint keeps hubs apart inside the one broker: every
 * session is named {@code {hub}/{deviceId}} (a module's {@code {hub}/{deviceId}/{moduleId}}) and every subscription is prefixed with {@code {hub}/},
 * so two hubs with a device of the same id never see each other's messages.
 */
final class DeviceTopics {
    /** Replies to twin requests: {@code $iothub/twin/res/{status}/?$rid={rid}[&$version={v}]}. */
    static final String TWIN_RESPONSES_FILTER = "$iothub/twin/res/#";
    /** Desired-property notifications: {@code $iothub/twin/PATCH/properties/desired/?$version={v}}. */
    static final String DESIRED_PROPERTIES_FILTER = "$iothub/twin/PATCH/properties/desired/#";
    /** Direct method requests: {@code $iothub/methods/POST/{name}/?$rid={rid}}. */
    static final String METHODS_FILTER = "$iothub/methods/POST/#";
    static final String TWIN_GET_PREFIX = "$iothub/twin/GET/";
    static final String REPORTED_PATCH_PREFIX = "$iothub/twin/PATCH/properties/reported/";
    static final String METHOD_RESPONSE_PREFIX = "$iothub/methods/res/";

    private DeviceTopics() {
    }

    static String sessionKey(String hubName, String deviceId) {
        return hubName.toLowerCase(Locale.ROOT) + "/" + deviceId;
    }

    /** {@code {hub}/{deviceId}} or {@code {hub}/{deviceId}/{moduleId}}. */
    static String sessionKey(DeviceAddress address) {
        return sessionKey(address.hubName(), address.deviceId()) + address.moduleId().map(m -> "/" + m).orElse("");
    }

    /** Whether a session is a module's ({@code {hub}/{deviceId}/{moduleId}}): device ids hold no '/'. */
    static boolean isModuleSession(String sessionKey) {
        return deviceOfSession(sessionKey).indexOf('/') >= 0;
    }

    /** {@code devices/{d}/messages/events/} or {@code devices/{d}/modules/{m}/messages/events/}. */
    static String eventsPrefix(DeviceAddress address) {
        return "devices/" + address.deviceId() + address.moduleId().map(m -> "/modules/" + m).orElse("") + "/messages/events/";
    }

    /** The value of {@code $rid} in a topic's query ({@code ...?$rid=12&...}), or empty. */
    static Optional<String> requestId(String topic) {
        return queryValue(topic, "$rid");
    }

    /** The {@code {status}} of {@code $iothub/methods/res/{status}/?$rid=...}, or empty when it is not a number. */
    static Optional<Integer> methodResponseStatus(String topic) {
        String rest = topic.substring(METHOD_RESPONSE_PREFIX.length());
        int slash = rest.indexOf('/');
        int end = slash < 0 ? rest.length() : slash;
        if (end < 1 || end > 3) {
            return Optional.empty();
        }
        int status = 0;
        for (int i = 0; i < end; i++) {
            char digit = rest.charAt(i);
            if (digit < '0' || digit > '9') {
                return Optional.empty();
            }
            status = status * 10 + (digit - '0');
        }
        // read by hand: this runs for every method answer on the event loop, where a regular expression compiled per call cost more
        return Optional.of(status);
    }

    static String twinResponse(int status, String requestId, Optional<Long> version) {
        return "$iothub/twin/res/" + status + "/?$rid=" + encode(requestId) + version.map(v -> "&$version=" + v).orElse("");
    }

    static String desiredPropertiesNotification(long version) {
        return "$iothub/twin/PATCH/properties/desired/?$version=" + version;
    }

    static String methodRequest(String methodName, String requestId) {
        return "$iothub/methods/POST/" + methodName + "/?$rid=" + encode(requestId);
    }

    private static Optional<String> queryValue(String topic, String name) {
        int query = topic.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        for (String pair : topic.substring(query + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return Optional.of(URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    static String hubOfSession(String sessionKey) {
        return sessionKey.substring(0, sessionKey.indexOf('/'));
    }

    static String deviceOfSession(String sessionKey) {
        return sessionKey.substring(sessionKey.indexOf('/') + 1);
    }

    /** The property bag of a D2C topic, or empty when the topic is not the device's (or module's) events topic. */
    static Optional<String> eventProperties(String topic, DeviceAddress address) {
        String prefix = eventsPrefix(address);
        if (topic.startsWith(prefix)) {
            String bag = topic.substring(prefix.length());
            // Microsoft's Java device SDK ends the bag with '/' (".../$.ifid=...%3A1/"), which IoT Hub ignores
            return Optional.of(bag.endsWith("/") ? bag.substring(0, bag.length() - 1) : bag);
        }
        if (topic.equals(prefix.substring(0, prefix.length() - 1))) {
            return Optional.of("");
        }
        return Optional.empty();
    }

    /** {@code devices/{d}/modules/{m}/inputs/#}, from the session's {@code {d}/{m}}: the inputs of a module. */
    static String moduleInputsFilter(String deviceAndModule) {
        int slash = deviceAndModule.indexOf('/');
        return "devices/" + deviceAndModule.substring(0, slash) + "/modules/" + deviceAndModule.substring(slash + 1) + "/inputs/#";
    }

    /** The device's cloud-to-device filter. */
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
