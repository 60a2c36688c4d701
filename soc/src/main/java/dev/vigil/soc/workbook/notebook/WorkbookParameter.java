package dev.vigil.soc.workbook.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of a parameters item.
 *
 * @param type the {@code type} as written (1 text, 2 drop-down, 4 time range, ...)
 * @param value its default ({@code value}; for a time range, {@code value.durationMs} or {@code timeContext}), or a missing node
 * @param jsonData a drop-down's options as a JSON array text, if static
 * @param query a drop-down's options as a KQL query (columns value, label, selected), if queried
 * @param quote what each value of a multi-value drop-down is quoted with ({@code quote}), e.g. {@code '}
 * @param delimiter what separates them ({@code delimiter}), by default {@code ,}
 * @param selectAllValue what the "All" choice ({@code value::all}) stands for, if not every option
 */
public record WorkbookParameter(String name, String label, int type, boolean required, boolean multiSelect, String quote, String delimiter,
        JsonNode value, Optional<String> jsonData, Optional<String> query, Optional<String> selectAllValue, JsonNode json) {
    public WorkbookParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public ParameterKind kind() {
        return ParameterKind.of(type);
    }
}
