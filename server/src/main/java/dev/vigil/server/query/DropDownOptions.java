package dev.vigil.server.query;

import dev.vigil.workspace.api.ResultTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest answers of workbook drop-down queries, per workspace, viewer and query text, so that a
 * workbook evaluated again after a parameter change gives the drop-downs the change does not touch
 * the options their controls show, without running their queries again. Bounded: the least recently
 * used answers go first, and a long answer is not kept.
 */
final class DropDownOptions {
    static final int MAX_ENTRIES = 256;
    static final int MAX_ROWS = 1_000;

    private record Key(String workspace, String viewer, String kql) {
        Key {
            Objects.requireNonNull(kql, "kql");
        }
    }

    private final Map<Key, ResultTable> latest = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ResultTable> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized void keep(String workspace, String viewer, String kql, ResultTable options) {
        Key key = new Key(workspace, viewer, kql);
        if (options.rows().size() <= MAX_ROWS) {
            latest.put(key, options);
        } else {
            latest.remove(key);
        }
    }

    synchronized Optional<ResultTable> recall(String workspace, String viewer, String kql) {
        return Optional.ofNullable(latest.get(new Key(workspace, viewer, kql)));
    }
}
