package dev.vigil.iot.routing.condition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** What a route condition reads of one message: its properties, its body when it is JSON, and its sender's twin. */
public interface ConditionInput {

    /** A system property by the name written after {@code $} (e.g. {@code contentType}, {@code connectionDeviceId}); empty when the message has none of that name. */
    Optional<String> systemProperty(String name);

    /** An application property; empty when the message has none of that name. */
    Optional<String> applicationProperty(String name);

    /** The body, only when it is JSON in a UTF encoding that its content type and encoding declare, as IoT Hub requires. */
    Optional<JsonNode> body();

    /** The sender's twin ({@code tags}, {@code properties.desired}, {@code properties.reported}); a module's own twin for a module. */
    Optional<JsonNode> twin();
}
