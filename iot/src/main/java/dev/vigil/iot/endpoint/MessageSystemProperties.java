package dev.vigil.iot.endpoint;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The system properties a device may set on a device-to-cloud message, by the names IoT Hub's
 * routing conditions use after {@code $}, with how each protocol carries them: the MQTT property
 * bag's {@code $.}-keys and the HTTPS {@code iothub-} headers.
 */
public enum MessageSystemProperties {
    MESSAGE_ID("messageId", "mid", "iothub-messageid"),
    CORRELATION_ID("correlationId", "cid", "iothub-correlationid"),
    USER_ID("userId", "uid", "iothub-userid"),
    CONTENT_TYPE("contentType", "ct", "iothub-contenttype"),
    CONTENT_ENCODING("contentEncoding", "ce", "iothub-contentencoding"),
    TO("to", "to", "iothub-to"),
    EXPIRY_TIME_UTC("expiryTimeUtc", "exp", "iothub-expiry"),
    COMPONENT_NAME("dt-subject", "sub", "dt-subject"),
    INTERFACE_ID("iothub-interface-id", "ifid", "iothub-interface-id");

    private final String name;
    private final String mqttKey;
    private final String httpHeader;

    MessageSystemProperties(String name, String mqttKey, String httpHeader) {
        this.name = name;
        this.mqttKey = mqttKey;
        this.httpHeader = httpHeader;
    }

    /** From an MQTT property bag's system part ({@code $.ct} read as {@code ct}). */
    public static Map<String, String> fromMqtt(Map<String, String> system) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (MessageSystemProperties property : values()) {
            String value = system.get(property.mqttKey);
            if (value != null) {
                properties.put(property.name, value);
            }
        }
        return properties;
    }

    /** From HTTPS request headers, whose names compare without case. */
    public static Map<String, String> fromHttpHeaders(Map<String, String> headers) {
        Map<String, String> byLowerName = new LinkedHashMap<>();
        headers.forEach((header, value) -> byLowerName.put(header.toLowerCase(Locale.ROOT), value));
        Map<String, String> properties = new LinkedHashMap<>();
        for (MessageSystemProperties property : values()) {
            String value = byLowerName.get(property.httpHeader);
            if (value != null) {
                properties.put(property.name, value);
            }
        }
        return properties;
    }
}
