package dev.vigil.server.api.content;

import dev.vigil.soc.content.ImportOutcome;
import dev.vigil.soc.content.ImportStatus;
import dev.vigil.soc.content.Refusal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An import's answer: an item per rule, hunting query or function, and how many of each status. */
record ImportAnswerJson(List<Map<String, Object>> value, Map<String, Integer> summary) {

    static ImportAnswerJson of(List<ImportOutcome> outcomes) {
        Map<ImportStatus, Integer> counts = new EnumMap<>(ImportStatus.class);
        for (ImportStatus status : ImportStatus.values()) {
            counts.put(status, 0);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (ImportOutcome outcome : outcomes) {
            counts.merge(outcome.status(), 1, Integer::sum);
            items.add(item(outcome));
        }
        Map<String, Integer> summary = new LinkedHashMap<>();
        counts.forEach((status, count) -> summary.put(status.name(), count));
        return new ImportAnswerJson(items, summary);
    }

    /** One item: {@code file}, {@code kind}, then {@code id}, {@code name}, {@code version}, {@code status}, {@code note}, {@code refusal} as far as known. */
    static Map<String, Object> item(ImportOutcome o) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("file", o.file());
        item.put("kind", o.kind().name());
        o.id().ifPresent(id -> item.put("id", id));
        o.name().ifPresent(name -> item.put("name", name));
        o.version().ifPresent(version -> item.put("version", version));
        item.put("status", o.status().name());
        o.note().ifPresent(note -> item.put("note", note));
        o.refusal().ifPresent(refusal -> item.put("refusal", refusal(refusal)));
        return item;
    }

    private static Map<String, Object> refusal(Refusal refusal) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reason", refusal.reason().name());
        json.put("message", refusal.message());
        refusal.line().ifPresent(line -> json.put("line", line));
        refusal.column().ifPresent(column -> json.put("column", column));
        return json;
    }
}
