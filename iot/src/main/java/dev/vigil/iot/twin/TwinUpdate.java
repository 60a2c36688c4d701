package dev.vigil.iot.twin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A service-side twin patch: {@code {"tags":{...},"properties":{"desired":{...}}}}, each part
 * optional. Reported properties belong to the device and cannot be patched by the service.
 */
public record TwinUpdate(Optional<ObjectNode> tags, Optional<ObjectNode> desired) {
}
