package dev.vigil.iot.twin.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;

/** A dotted path into the twin document, e.g. {@code properties.reported.telemetryConfig.status}; names compare exactly. */
record FieldPath(List<String> segments) implements Operand {
    FieldPath {
        segments = List.copyOf(segments);
    }

    @Override
    public JsonNode valueIn(JsonNode document) {
        JsonNode node = document;
        for (String segment : segments) {
            if (!node.isObject()) {
                return MissingNode.getInstance();
            }
            node = node.path(segment);
        }
        return node;
    }

    String lastSegment() {
        return segments.get(segments.size() - 1);
    }

    String text() {
        return String.join(".", segments);
    }
}
