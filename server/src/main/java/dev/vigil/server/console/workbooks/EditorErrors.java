package dev.vigil.server.console.workbooks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the editor could not take, by the form field it concerns ({@code item.2.formatter.0.min}),
 * shown beside that field; an item's own problems are under its prefix without the dot
 * ({@code item.2}), shown at its head, and the workbook's under {@code ""}, shown at the top.
 */
public record EditorErrors(Map<String, String> byField) {
    public static final EditorErrors NONE = new EditorErrors(Map.of());

    public EditorErrors {
        byField = Collections.unmodifiableMap(new LinkedHashMap<>(byField));
    }

    public Optional<String> at(String field) {
        return Optional.ofNullable(byField.get(field));
    }

    /** {@code true} for {@code aria-invalid} on a field in error, else null, which leaves the attribute out. */
    public String invalid(String field) {
        return byField.containsKey(field) ? "true" : null;
    }

    /** The id of the field's message, for {@code aria-describedby}, or null. */
    public String describedBy(String field) {
        return byField.containsKey(field) ? field + "-error" : null;
    }

    /** Whether a field whose name starts with {@code prefix} is in error, so that the settings holding it open. */
    public boolean anyUnder(String prefix) {
        return byField.keySet().stream().anyMatch(field -> field.startsWith(prefix));
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    /** Whether the field holds the first problem: it takes the focus (and is scrolled to) when the editor comes back. */
    public boolean focused(String field) {
        return byField.keySet().stream().findFirst().map(field::equals).orElse(false);
    }

    /** The first problem, for the summary at the top of the editor. */
    public Optional<String> first() {
        return byField.values().stream().findFirst();
    }
}
