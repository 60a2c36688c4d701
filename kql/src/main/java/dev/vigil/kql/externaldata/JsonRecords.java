package dev.vigil.kql.externaldata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Records of the JSON formats: each is an object whose properties fill the columns of the same
 * name (Kusto's identity mapping); a column without a property is null.
 */
final class JsonRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonRecords() {
    }

    /** {@code json}: one object per line. */
    static List<List<String>> lines(String text, List<String> columns) {
        List<List<String>> records = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                records.add(record(JSON.readTree(lines[i]), columns, "line " + (i + 1)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not a JSON object: " + e.getOriginalMessage());
            }
        }
        return records;
    }

    /** {@code multijson}: objects one after another, over any number of lines, or arrays of them. */
    static List<List<String>> stream(String text, List<String> columns) {
        List<List<String>> records = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(text);
             MappingIterator<JsonNode> values = JSON.readValues(parser, JsonNode.class)) {
            while (values.hasNextValue()) {
                JsonNode value = values.nextValue();
                String where = "the value at line " + parser.getCurrentLocation().getLineNr();
                if (value.isArray()) {
                    for (JsonNode element : value) {
                        records.add(record(element, columns, where));
                    }
                } else {
                    records.add(record(value, columns, where));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the text is not JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("the text could not be read as JSON: " + e.getMessage());
        }
        return records;
    }

    private static List<String> record(JsonNode value, List<String> columns, String where) {
        if (!value.isObject()) {
            throw new IllegalArgumentException(where + " is " + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                    + ", not a JSON object");
        }
        List<String> record = new ArrayList<>(columns.size());
        for (String column : columns) {
            JsonNode property = value.get(column);
            record.add(property == null || property.isNull() ? null : property.isTextual() ? property.asText() : property.toString());
        }
        return record;
    }
}
