package dev.vigil.server.api;

import dev.vigil.kql.catalog.ColumnSchema;

/** A column as the APIs write it: {@code {"name":"TimeGenerated","type":"datetime"}}. */
public record ColumnJson(String name, String type) {
    public static ColumnJson of(ColumnSchema column) {
        return new ColumnJson(column.name(), column.type().kqlName());
    }
}
