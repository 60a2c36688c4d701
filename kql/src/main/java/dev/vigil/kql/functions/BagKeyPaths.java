package dev.vigil.kql.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * bag_remove_keys with a constant array of keys: a key is a top-level key, or a JSONPath ({@code $.a.b},
 * {@code $['a']['b']}, no array indexes) to a nested one. The bag is rebuilt level by level, each level leaving out its
 * keys and rebuilding the bags that hold deeper ones; a value on the path that is not a bag is left as it is (the
 * value given must be a bag, else the result is null).
 */
final class BagKeyPaths {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BagKeyPaths() {
    }

    /** The keys as paths of names, or empty when the text is not an array of strings or a path is not one Kusto takes. */
    static Optional<List<List<String>>> parse(String keysJson) {
        JsonNode keys;
        try {
            keys = JSON.readTree(keysJson);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (keys == null || !keys.isArray()) {
            return Optional.empty();
        }
        List<List<String>> paths = new ArrayList<>();
        for (JsonNode key : keys) {
            if (!key.isTextual()) {
                return Optional.empty();
            }
            Optional<List<String>> path = path(key.asText());
            if (path.isEmpty()) {
                return Optional.empty();
            }
            paths.add(path.get());
        }
        return Optional.of(paths);
    }

    private static Optional<List<String>> path(String key) {
        if (!key.startsWith("$")) {
            return Optional.of(List.of(key));
        }
        List<String> names = new ArrayList<>();
        int at = 1;
        while (at < key.length()) {
            char c = key.charAt(at);
            if (c == '.') {
                int end = at + 1;
                while (end < key.length() && key.charAt(end) != '.' && key.charAt(end) != '[') {
                    end++;
                }
                if (end == at + 1) {
                    return Optional.empty();
                }
                names.add(key.substring(at + 1, end));
                at = end;
            } else if (c == '[' && at + 1 < key.length() && (key.charAt(at + 1) == '\'' || key.charAt(at + 1) == '"')) {
                char quote = key.charAt(at + 1);
                int close = key.indexOf(quote, at + 2);
                if (close < 0 || close + 1 >= key.length() || key.charAt(close + 1) != ']') {
                    return Optional.empty();
                }
                names.add(key.substring(at + 2, close));
                at = close + 2;
            } else {
                // an array index or anything else Kusto does not take in these keys
                return Optional.empty();
            }
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(names);
    }

    /** {@code bag} (SQL of a JSON value) without the keys at {@code paths}, as a JSON value. */
    static String remove(String bag, List<List<String>> paths, RenderArguments a, int depth) {
        List<String> here = new ArrayList<>();
        Map<String, List<List<String>>> deeper = new LinkedHashMap<>();
        for (List<String> path : paths) {
            if (path.size() == 1) {
                here.add(a.stringLiteral(path.get(0)));
            } else {
                deeper.computeIfAbsent(path.get(0), k -> new ArrayList<>()).add(path.subList(1, path.size()));
            }
        }
        String entries = "map_entries(CAST(" + bag + " AS MAP(VARCHAR, JSON)))";
        if (!here.isEmpty()) {
            String kept = "__bk" + depth;
            entries = "list_filter(" + entries + ", lambda " + kept + ": NOT list_contains([" + String.join(", ", here) + "], " + kept + ".key))";
        }
        if (!deeper.isEmpty()) {
            String entry = "__be" + depth;
            StringBuilder rebuilt = new StringBuilder("CASE " + entry + ".key");
            deeper.forEach((name, rest) -> rebuilt.append(" WHEN ").append(a.stringLiteral(name)).append(" THEN {'key': ").append(entry)
                    .append(".key, 'value': ").append(remove(entry + ".value", rest, a, depth + 1)).append("}"));
            rebuilt.append(" ELSE ").append(entry).append(" END");
            entries = "list_transform(" + entries + ", lambda " + entry + ": " + rebuilt + ")";
        }
        // the bag itself must be one (else null, as with top-level keys); a value deeper on a path is left as it is
        return "CASE WHEN json_type(" + bag + ") = 'OBJECT' THEN to_json(map_from_entries(" + entries + "))" + (depth == 0 ? "" : " ELSE " + bag)
                + " END";
    }
}
