package dev.vigil.server.api.tables;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.server.api.ColumnJson;
import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.workspace.api.TableDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The body of a create-table request: {@code {"name":"Foo_CL","columns":[{"name","type"}]}}. */
record TableDefinitionJson(String name, List<ColumnJson> columns) {

    /** Checks the request's form; the workspace checks the rest (name suffix, duplicates, reserved columns). */
    TableDefinition toDefinition() {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("The table definition needs a 'name', e.g. \"DeviceInventory_CL\".");
        }
        if (columns == null || columns.isEmpty()) {
            throw new InvalidRequestException("The table definition needs 'columns': [{\"name\":...,\"type\":...}].");
        }
        List<ColumnSchema> schema = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnJson column = columns.get(i);
            if (column == null || column.name() == null || column.name().isBlank()) {
                throw new InvalidRequestException("columns[" + i + "] needs a 'name'.");
            }
            int index = i;
            KqlType type = KqlType.fromName(column.type()).orElseThrow(() -> new InvalidRequestException(
                    "columns[" + index + "] ('" + column.name() + "') has type '" + column.type() + "'; expected one of " + typeNames() + "."));
            schema.add(new ColumnSchema(column.name(), type));
        }
        return new TableDefinition(name, schema);
    }

    private static String typeNames() {
        return Arrays.stream(KqlType.values()).map(KqlType::kqlName).collect(Collectors.joining(", "));
    }
}
