package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names an expression can see: the input's columns, and the columns defined earlier in the
 * same {@code extend} or {@code project}, which stand for their expressions.
 */
final class Scope {
    private final Map<String, BoundExpression> names = new LinkedHashMap<>();

    static Scope of(List<ColumnSchema> columns) {
        Scope scope = new Scope();
        for (ColumnSchema column : columns) {
            scope.names.put(column.name(), new BoundColumn(column.name(), column.type()));
        }
        return scope;
    }

    Optional<BoundExpression> lookup(String name) {
        return Optional.ofNullable(names.get(name));
    }

    void define(String name, BoundExpression expression) {
        names.put(name, expression);
    }
}
