package dev.vigil.kql.externaldata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Records of the JSON formats, each a JSON object; the mapping then picks the columns' values
 * ({@link ExternalDataMapping}: by the column's name without one, by JSON path with one).
 */
final class JsonRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonRecords() {
    }

    /** {@code json}: one object per line. */
    static List<JsonNode> lines(String text) {
        List<JsonNode> records = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                records.add(object(JSON.readTree(lines[i]), "line " + (i + 1)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not a JSON object: " + e.getOriginalMessage());
            }
        }
        return records;
    }

    /** {@code multijson}: objects one after another, over any number of lines, or arrays of them. */
    static List<JsonNode> stream(String text) {
        List<JsonNode> records = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(text);
             MappingIterator<JsonNode> values = JSON.readValues(parser, JsonNode.class)) {
            while (values.hasNextValue()) {
                JsonNode value = values.nextValue();
                String where = "the value at line " + parser.getCurrentLocation().getLineNr();
                if (value.isArray()) {
                    for (JsonNode element : value) {
                        records.add(object(element, where));
                    }
                } else {
                    records.add(object(value, where));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the text is not JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("the text could not be read as JSON: " + e.getMessage());
        }
        return records;
    }

    private static JsonNode object(JsonNode value, String where) {
        if (!value.isObject()) {
            throw new IllegalArgumentException(where + " is " + value.getNodeType().toString().toLowerCase(Locale.ROOT) + ", not a JSON object");
        }
        return value;
    }
}
