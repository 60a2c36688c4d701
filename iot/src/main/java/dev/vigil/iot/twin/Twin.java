package dev.vigil.iot.twin;

import dev.vigil.iot.device.DeviceAddress;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The twin of a device or module: tags (set by the service), desired properties (set by the
 * service, read by the device) and reported properties (set by the device). {@code version} counts
 * every change of the twin; the etag is derived from it.
 *
 * @param moduleId null for a device twin
 */
public record Twin(String hubName, String deviceId, String moduleId, ObjectNode tags, TwinProperties desired, TwinProperties reported,
        long version) {

    public Twin {
        Objects.requireNonNull(hubName, "hubName");
        Objects.requireNonNull(deviceId, "deviceId");
        tags = tags == null ? JsonNodeFactory.instance.objectNode() : tags;
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(reported, "reported");
    }

    /** A twin as IoT Hub creates it with its device or module: empty, each section at version 1. */
    static Twin empty(DeviceAddress target, Instant created) {
        return empty(target, created, JsonNodeFactory.instance.objectNode());
    }

    /** An empty twin with the tags its device was created with. */
    static Twin empty(DeviceAddress target, Instant created, ObjectNode tags) {
        return new Twin(target.hubName(), target.deviceId(), target.moduleId().orElse(null), tags,
                TwinProperties.empty(created, true), TwinProperties.empty(created, false), 1);
    }

    public DeviceAddress target() {
        return new DeviceAddress(hubName, deviceId, java.util.Optional.ofNullable(moduleId));
    }

    /** IoT Hub's etag shape: the base64 of a 64-bit version, e.g. {@code AAAAAAAAAAE=}. */
    public String etag() {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(Long.BYTES).putLong(version).array());
    }

    /** What a device reads with {@code $iothub/twin/GET}: both sections with their {@code $version}, no metadata. */
    public ObjectNode deviceView() {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.set("desired", desired.withVersion());
        view.set("reported", reported.withVersion());
        return view;
    }

    /**
     * The twin JSON of IoT Hub's service API.
     *
     * @param status the device's or module's status, {@code enabled} or {@code disabled}
     * @param connected whether it holds a live connection
     */
    public ObjectNode serviceView(String status, boolean connected) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.put("deviceId", deviceId);
        if (moduleId != null) {
            view.put("moduleId", moduleId);
        }
        view.put("etag", etag());
        view.put("version", version);
        view.put("status", status);
        view.put("connectionState", connected ? "Connected" : "Disconnected");
        view.put("authenticationType", "sas");
        view.set("tags", tags.deepCopy());
        ObjectNode properties = view.putObject("properties");
        properties.set("desired", desired.withMetadata());
        properties.set("reported", reported.withMetadata());
        return view;
    }

    Twin withTags(ObjectNode newTags) {
        return new Twin(hubName, deviceId, moduleId, newTags, desired, reported, version + 1);
    }

    Twin withDesired(TwinProperties newDesired) {
        return new Twin(hubName, deviceId, moduleId, tags, newDesired, reported, version + 1);
    }

    Twin withReported(TwinProperties newReported) {
        return new Twin(hubName, deviceId, moduleId, tags, desired, newReported, version + 1);
    }
}
