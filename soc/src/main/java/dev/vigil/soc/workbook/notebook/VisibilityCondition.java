package dev.vigil.soc.workbook.notebook;

import java.util.Objects;

/**
 * One condition of an item's conditional visibility: {@code parameterName comparison value}.
 *
 * @param comparison as written: {@code isEqualTo}, {@code isNotEqualTo}, ...
 */
public record VisibilityCondition(String parameterName, String comparison, String value) {
    public VisibilityCondition {
        Objects.requireNonNull(parameterName, "parameterName");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(value, "value");
    }
}
