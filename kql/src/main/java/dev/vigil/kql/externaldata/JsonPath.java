package dev.vigil.kql.externaldata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON paths of an ingestion mapping: {@code $} (the whole record), then properties
 * ({@code .name}, {@code ['name with spaces']}, {@code ["name"]}) and array elements ({@code [0]}).
 * Wildcards, slices and filters select several values, which a column cannot hold: refused.
 */
record JsonPath(String text, List<Object> steps) {
    JsonPath {
        steps = List.copyOf(steps);
    }

    /** @throws IllegalArgumentException saying where the path goes wrong */
    static JsonPath parse(String text) {
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("the path '" + text + "' does not start with $");
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.' && i + 1 < text.length() && text.charAt(i + 1) == '[') {
                // $.['name'], as Kusto's own examples write it
                i++;
            } else if (c == '.') {
                int start = ++i;
                while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
                    i++;
                }
                String name = text.substring(start, i);
                if (name.isEmpty() || name.equals("*")) {
                    throw new IllegalArgumentException("the path '" + text + "' has " + (name.isEmpty() ? "an empty property name" : "a wildcard")
                            + " at character " + (start + 1));
                }
                steps.add(name);
            } else if (c == '[') {
                int close = closing(text, i);
                String inside = text.substring(i + 1, close).strip();
                if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"') && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
                    steps.add(inside.substring(1, inside.length() - 1).replace("\\'", "'").replace("\\\"", "\""));
                } else if (inside.matches("\\d+")) {
                    steps.add(Integer.parseInt(inside));
                } else {
                    throw new IllegalArgumentException("the path '" + text + "' has '[" + inside + "]' at character " + (i + 1)
                            + ", which is not a quoted property name or an array index");
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("the path '" + text + "' has '" + c + "' at character " + (i + 1) + " where '.' or '[' belongs");
            }
        }
        return new JsonPath(text, steps);
    }

    private static int closing(String text, int open) {
        char quote = 0;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ']') {
                return i;
            }
        }
        throw new IllegalArgumentException("the path '" + text + "' has a '[' at character " + (open + 1) + " that is never closed");
    }

    /** The value at this path in the record; empty where the record has none. */
    Optional<JsonNode> select(JsonNode record) {
        JsonNode node = record;
        for (Object step : steps) {
            if (node == null) {
                return Optional.empty();
            }
            node = step instanceof Integer index ? (node.isArray() ? node.get(index) : null) : (node.isObject() ? node.get((String) step) : null);
        }
        return Optional.ofNullable(node);
    }
}
