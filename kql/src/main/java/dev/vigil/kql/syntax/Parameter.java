package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/**
 * A parameter of a user function: {@code name:type [= default]} for a scalar, or
 * {@code name:(Col:type, ...)} / {@code name:(*)} for a table.
 *
 * @param scalarType the type name of a scalar parameter; empty for a tabular one
 * @param tabularColumns the columns a tabular parameter must have (empty with {@code *})
 */
public record Parameter(Identifier name, Optional<String> scalarType, List<ColumnDeclaration> tabularColumns,
                        Optional<Expression> defaultValue, Span span) {
    public Parameter {
        tabularColumns = List.copyOf(tabularColumns);
    }

    public boolean isTabular() {
        return scalarType.isEmpty();
    }
}
