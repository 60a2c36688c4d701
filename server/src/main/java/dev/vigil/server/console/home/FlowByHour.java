package dev.vigil.server.console.home;

import dev.vigil.server.console.logs.ChartData;
import dev.vigil.workspace.api.ResultTable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What flowed into the workspace hour by hour over the last 24 hours, per kind (raw events,
 * alerts, incidents): the rows of {@link HomePages#FLOW_QUERY}, with the hours that had
 * nothing filled in as zero, so that a quiet hour shows as one rather than missing.
 */
final class FlowByHour {
    private static final Duration DAY = Duration.ofHours(24);

    private final Map<String, Map<Instant, Long>> byKind;
    private final Instant now;

    private FlowByHour(Map<String, Map<Instant, Long>> byKind, Instant now) {
        this.byKind = byKind;
        this.now = now;
    }

    /** From the query's rows: {@code What}, {@code Hour}, {@code n}. */
    static FlowByHour of(ResultTable table, Instant now) {
        Map<String, Map<Instant, Long>> byKind = new HashMap<>();
        for (List<Object> row : table.rows()) {
            if (row.get(0) != null && row.get(1) != null && row.get(2) instanceof Number n) {
                try {
                    byKind.computeIfAbsent(row.get(0).toString(), kind -> new HashMap<>()).merge(Instant.parse(row.get(1).toString()), n.longValue(), Long::sum);
                } catch (DateTimeParseException e) {
                    // not an hour: the query names its bins, so this does not happen
                }
            }
        }
        return new FlowByHour(byKind, now);
    }

    /** The kind's count over the 24 hours: the sum of its hours. */
    long total(String kind) {
        return byKind.getOrDefault(kind, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The kind's hours as a column chart over time. */
    ChartData chart(String kind, String title) {
        Map<Instant, Long> counts = byKind.getOrDefault(kind, Map.of());
        List<List<Object>> rows = new ArrayList<>();
        Instant last = now.truncatedTo(ChronoUnit.HOURS);
        for (Instant hour = now.minus(DAY).truncatedTo(ChronoUnit.HOURS); !hour.isAfter(last); hour = hour.plus(Duration.ofHours(1))) {
            rows.add(List.of(hour.toString(), counts.getOrDefault(hour, 0L)));
        }
        return new ChartData("columnchart", title, List.of(new ChartData.Column("Hour", "datetime"), new ChartData.Column("Count", "long")), rows);
    }
}
