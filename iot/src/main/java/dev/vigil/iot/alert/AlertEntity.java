package dev.vigil.iot.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An entity of an alert in Sentinel's shape: a {@code Type} and its properties, in which a
 * property may itself be an entity (the hub of an {@code iotdevice}, the image file of a
 * {@code process}).
 *
 * @param type {@code iotdevice}, {@code ip}, {@code account}, {@code process}, {@code host}...
 * @param properties the entity's fields in Sentinel's spelling; values are strings or nested maps
 */
public record AlertEntity(String type, Map<String, Object> properties) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public AlertEntity {
        Objects.requireNonNull(type, "type");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The device, identified strongly by its hub (an {@code azure-resource}) and its id. */
    public static AlertEntity iotDevice(String hubResourceId, String deviceId) {
        Map<String, Object> hub = new LinkedHashMap<>();
        hub.put("Type", "azure-resource");
        hub.put("ResourceId", hubResourceId);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("DeviceId", deviceId);
        properties.put("IoTHub", hub);
        return new AlertEntity("iotdevice", properties);
    }

    public static AlertEntity ip(String address) {
        return new AlertEntity("ip", Map.of("Address", address));
    }

    public static AlertEntity account(String name) {
        return new AlertEntity("account", Map.of("Name", name));
    }

    public static AlertEntity host(String hostName) {
        return new AlertEntity("host", Map.of("HostName", hostName));
    }

    /** A process; its executable becomes the nested {@code ImageFile} entity. */
    public static AlertEntity process(String processId, String commandLine, String executable) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ProcessId", processId);
        properties.put("CommandLine", commandLine);
        if (!executable.isEmpty()) {
            int slash = executable.lastIndexOf('/');
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("Type", "file");
            file.put("Name", executable.substring(slash + 1));
            file.put("Directory", slash > 0 ? executable.substring(0, slash) : "");
            properties.put("ImageFile", file);
        }
        return new AlertEntity("process", properties);
    }

    /**
     * The {@code Entities} column: a JSON array in which every entity, nested ones included,
     * carries a {@code $id} numbered from 1 in document order.
     */
    public static String toSentinelJson(List<AlertEntity> entities) {
        List<Map<String, Object>> rendered = new ArrayList<>();
        int[] nextId = {1};
        for (AlertEntity entity : entities) {
            Map<String, Object> withType = new LinkedHashMap<>();
            withType.put("Type", entity.type());
            withType.putAll(entity.properties());
            rendered.add(numbered(withType, nextId));
        }
        try {
            return JSON.writeValueAsString(rendered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert entities cannot be written as JSON", e);
        }
    }

    private static Map<String, Object> numbered(Map<String, Object> entity, int[] nextId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("$id", Integer.toString(nextId[0]++));
        for (Map.Entry<String, Object> property : entity.entrySet()) {
            Object value = property.getValue();
            if (value instanceof Map<?, ?> nested && nested.containsKey("Type")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nestedEntity = (Map<String, Object>) nested;
                value = numbered(nestedEntity, nextId);
            }
            out.put(property.getKey(), value);
        }
        return out;
    }
}
