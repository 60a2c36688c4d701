package dev.vigil.iot.twin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Defender for IoT security agent's configuration, read from the desired property
 * {@link #PROPERTY} of the device's {@code azureiotsecurity} module twin. Each setting is
 * {@code {"value": ...}} (a bare value is taken too); a setting left out keeps its default
 * ({@code azureiotsecurity_default.json}).
 *
 * @param eventPriorities {@code eventPriority<EventName>} without the prefix, e.g. {@code ProcessCreate -> Low}
 */
public record SecurityAgentConfiguration(Duration highPriorityMessageFrequency, Duration lowPriorityMessageFrequency,
        Duration snapshotFrequency, long maxLocalCacheSizeInBytes, long maxMessageSizeInBytes, Map<String, EventPriority> eventPriorities) {

    public static final String PROPERTY = "ms_iotn:urn_azureiot_Security_SecurityAgentConfiguration";
    private static final String EVENT_PRIORITY = "eventPriority";

    public enum EventPriority { High, Low, Off }

    public SecurityAgentConfiguration {
        eventPriorities = Map.copyOf(eventPriorities);
    }

    public static SecurityAgentConfiguration defaults() {
        return new SecurityAgentConfiguration(Duration.ofMinutes(7), Duration.ofHours(5), Duration.ofHours(13), 2_560_000, 204_800, Map.of());
    }

    /** The priority of an event name: as configured, else Low. */
    public EventPriority priority(String eventName) {
        return eventPriorities.getOrDefault(eventName, EventPriority.Low);
    }

    /**
     * Parses the configuration object.
     *
     * @throws InvalidAgentConfigurationException naming the setting and what is wrong with it
     */
    public static SecurityAgentConfiguration parse(JsonNode configuration) {
        if (configuration == null || configuration.isMissingNode() || configuration.isNull()) {
            return defaults();
        }
        if (!configuration.isObject()) {
            throw new InvalidAgentConfigurationException(PROPERTY + " must be an object of settings");
        }
        SecurityAgentConfiguration base = defaults();
        Duration high = duration(configuration, "highPriorityMessageFrequency", base.highPriorityMessageFrequency());
        Duration low = duration(configuration, "lowPriorityMessageFrequency", base.lowPriorityMessageFrequency());
        Duration snapshot = duration(configuration, "snapshotFrequency", base.snapshotFrequency());
        long cache = size(configuration, "maxLocalCacheSizeInBytes", base.maxLocalCacheSizeInBytes());
        long message = size(configuration, "maxMessageSizeInBytes", base.maxMessageSizeInBytes());
        if (high.compareTo(low) > 0) {
            throw new InvalidAgentConfigurationException("highPriorityMessageFrequency (" + high + ") is longer than lowPriorityMessageFrequency (" + low + ")");
        }
        Map<String, EventPriority> priorities = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = configuration.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().startsWith(EVENT_PRIORITY) && field.getKey().length() > EVENT_PRIORITY.length()) {
                JsonNode value = value(field.getValue());
                priorities.put(field.getKey().substring(EVENT_PRIORITY.length()), priority(field.getKey(), value));
            }
        }
        return new SecurityAgentConfiguration(high, low, snapshot, cache, message, priorities);
    }

    private static JsonNode value(JsonNode setting) {
        return setting.isObject() && setting.has("value") ? setting.get("value") : setting;
    }

    private static Duration duration(JsonNode configuration, String name, Duration fallback) {
        if (!configuration.has(name)) {
            return fallback;
        }
        JsonNode value = value(configuration.get(name));
        if (!value.isTextual()) {
            throw new InvalidAgentConfigurationException(name + " must be an ISO 8601 duration such as \"PT7M\", was " + value);
        }
        try {
            Duration duration = Duration.parse(value.asText());
            if (duration.isNegative() || duration.isZero()) {
                throw new InvalidAgentConfigurationException(name + " must be a positive duration, was \"" + value.asText() + "\"");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new InvalidAgentConfigurationException(name + " must be an ISO 8601 duration such as \"PT7M\", was \"" + value.asText() + "\"");
        }
    }

    private static long size(JsonNode configuration, String name, long fallback) {
        if (!configuration.has(name)) {
            return fallback;
        }
        JsonNode value = value(configuration.get(name));
        // the agent's own samples write sizes as numbers or as digit strings
        if (value.canConvertToLong() && value.isIntegralNumber() && value.asLong() > 0) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(value.asText());
        }
        throw new InvalidAgentConfigurationException(name + " must be a positive whole number of bytes, was " + value);
    }

    private static EventPriority priority(String name, JsonNode value) {
        if (value.isTextual()) {
            for (EventPriority priority : EventPriority.values()) {
                if (priority.name().equals(value.asText())) {
                    return priority;
                }
            }
        }
        throw new InvalidAgentConfigurationException(name + " must be \"High\", \"Low\" or \"Off\", was " + value);
    }
}
