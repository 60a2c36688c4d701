package dev.vigil.iot.twin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.iot.device.DeviceAddress;

/** A device's (or module's) patch of its reported properties, as it sent it. */
public record ReportedPatch(DeviceAddress target, JsonNode patch) {

    /** The twin after the patch, or why the patch was refused (then nothing of it was stored). */
    public record Outcome(Twin twin, TwinException refusal) {
    }
}
