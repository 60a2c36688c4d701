package dev.vigil.kql;

import java.util.Map;
import java.util.Objects;

/**
 * What {@code render} asked for: how a client should draw the result. The rows are not changed.
 *
 * @param kind the visualization, e.g. {@code timechart}, {@code barchart}, {@code piechart}, {@code table}
 * @param properties the {@code with (...)} properties as written, e.g. {@code title}, {@code xcolumn},
 *     {@code ycolumns} (comma-separated), {@code kind}
 */
public record Visualization(String kind, Map<String, String> properties) {
    public Visualization {
        Objects.requireNonNull(kind, "kind");
        properties = Map.copyOf(properties);
    }
}
