package dev.vigil.server.api.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.soc.content.ImportOutcome;
import dev.vigil.soc.content.ImportStatus;
import dev.vigil.soc.content.Refusal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An import's answer: an item per rule or function, and how many of each status. */
record ImportAnswerJson(List<Item> value, Map<String, Integer> summary) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String file, String id, String name, String version, String status, String note, RefusalJson refusal) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RefusalJson(String reason, String message, Integer line, Integer column) {
        static RefusalJson of(Refusal refusal) {
            return new RefusalJson(refusal.reason().name(), refusal.message(),
                    refusal.line().isPresent() ? refusal.line().getAsInt() : null,
                    refusal.column().isPresent() ? refusal.column().getAsInt() : null);
        }
    }

    static ImportAnswerJson of(List<ImportOutcome> outcomes) {
        Map<ImportStatus, Integer> counts = new EnumMap<>(ImportStatus.class);
        for (ImportStatus status : ImportStatus.values()) {
            counts.put(status, 0);
        }
        List<Item> items = new ArrayList<>();
        for (ImportOutcome o : outcomes) {
            counts.merge(o.status(), 1, Integer::sum);
            items.add(new Item(o.file(), o.id().orElse(null), o.name().orElse(null), o.version().orElse(null), o.status().name(),
                    o.note().orElse(null), o.refusal().map(RefusalJson::of).orElse(null)));
        }
        Map<String, Integer> summary = new LinkedHashMap<>();
        counts.forEach((status, count) -> summary.put(status.name(), count));
        return new ImportAnswerJson(items, summary);
    }
}
