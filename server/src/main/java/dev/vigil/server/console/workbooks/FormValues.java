package dev.vigil.server.console.workbooks;

import dev.vigil.server.console.layout.ConsolePaths;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A workbook page's parameter values written as a form encodes them ({@code Severity=High&Severity=Low}), and read back. */
final class FormValues {
    private FormValues() {
    }

    static String encode(Map<String, List<String>> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((name, list) -> list.forEach(value -> {
            if (!text.isEmpty()) {
                text.append('&');
            }
            text.append(ConsolePaths.encode(name)).append('=').append(ConsolePaths.encode(value));
        }));
        return text.toString();
    }

    /** The values as a page address's query, {@code ?…}, or nothing when there are none. */
    static String query(Map<String, List<String>> values) {
        String encoded = encode(values);
        return encoded.isEmpty() ? "" : "?" + encoded;
    }

    static Map<String, List<String>> decode(String text) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return values;
    }
}
