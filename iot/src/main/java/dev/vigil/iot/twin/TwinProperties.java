package dev.vigil.iot.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The desired or the reported properties of a twin with their {@code $version} and their
 * {@code $metadata}: for the section and for every property, {@code $lastUpdated} and, for desired
 * properties, {@code $lastUpdatedVersion}, nested as the properties are.
 *
 * <p>Immutable: {@link #patched} answers a new value; the JSON trees are never changed once built.
 */
public record TwinProperties(ObjectNode properties, ObjectNode metadata, long version) {
    static final String LAST_UPDATED = "$lastUpdated";
    static final String LAST_UPDATED_VERSION = "$lastUpdatedVersion";

    /** A section nothing was written to yet: version 1, as IoT Hub starts it. */
    static TwinProperties empty(Instant created, boolean desired) {
        return new TwinProperties(JsonNodeFactory.instance.objectNode(), stamp(created, desired ? 1 : 0), 1);
    }

    /**
     * The section with the patch merged in as IoT Hub merges it: a null removes the property,
     * an object merges into an object, anything else replaces. Every property written, and each
     * object on the way to it, gets the new {@code $lastUpdated}.
     */
    TwinProperties patched(ObjectNode patch, Instant at, boolean desired) {
        long next = version + 1;
        ObjectNode stamp = stamp(at, desired ? next : 0);
        ObjectNode newProperties = properties.deepCopy();
        ObjectNode newMetadata = metadata.deepCopy();
        merge(newProperties, newMetadata, patch, stamp);
        newMetadata.setAll(stamp);
        return new TwinProperties(newProperties, newMetadata, next);
    }

    /** The properties with {@code $version}, as a device reads them. */
    ObjectNode withVersion() {
        ObjectNode view = properties.deepCopy();
        view.put("$version", version);
        return view;
    }

    /** The properties with {@code $metadata} and {@code $version}, as the service API shows them. */
    ObjectNode withMetadata() {
        ObjectNode view = properties.deepCopy();
        view.set("$metadata", metadata.deepCopy());
        view.put("$version", version);
        return view;
    }

    private static void merge(ObjectNode target, ObjectNode targetMetadata, JsonNode patch, ObjectNode stamp) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(key);
                targetMetadata.remove(key);
            } else if (value.isObject() && target.get(key) instanceof ObjectNode existing) {
                ObjectNode childMetadata = targetMetadata.get(key) instanceof ObjectNode m ? m : JsonNodeFactory.instance.objectNode();
                merge(existing, childMetadata, value, stamp);
                childMetadata.setAll(stamp);
                targetMetadata.set(key, childMetadata);
            } else {
                JsonNode written = withoutNulls(value);
                target.set(key, written);
                targetMetadata.set(key, metadataOf(written, stamp));
            }
        }
    }

    /** A new object's nulls mean nothing to remove: they are left out, as IoT Hub does. */
    private static JsonNode withoutNulls(JsonNode value) {
        if (!value.isObject()) {
            return value.deepCopy();
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        value.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                copy.set(field.getKey(), withoutNulls(field.getValue()));
            }
        });
        return copy;
    }

    private static ObjectNode metadataOf(JsonNode value, ObjectNode stamp) {
        ObjectNode metadata = stamp.deepCopy();
        if (value.isObject()) {
            value.fields().forEachRemaining(field -> metadata.set(field.getKey(), metadataOf(field.getValue(), stamp)));
        }
        return metadata;
    }

    /** {@code $lastUpdated}, and {@code $lastUpdatedVersion} when {@code version} is positive (desired properties). */
    private static ObjectNode stamp(Instant at, long version) {
        ObjectNode stamp = JsonNodeFactory.instance.objectNode();
        stamp.put(LAST_UPDATED, at.toString());
        if (version > 0) {
            stamp.put(LAST_UPDATED_VERSION, version);
        }
        return stamp;
    }

    /** Keys IoT Hub keeps for itself, which clients echo back when they send a twin they read: ignored in a patch. */
    static final List<String> READ_ONLY_KEYS = List.of("$metadata", "$version");
}
