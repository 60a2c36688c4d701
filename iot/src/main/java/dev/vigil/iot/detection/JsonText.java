package dev.vigil.iot.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;

/** Extended properties hold lists as JSON array text, e.g. {@code "[\"10.165.12.18:\"]"}. */
final class JsonText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonText() {
    }

    static String array(Collection<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings cannot be written as a JSON array", e);
        }
    }
}
