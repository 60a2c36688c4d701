package dev.vigil.soc.workbook.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Type 9: parameters, in order; each may refer to those before it. */
public record ParametersItem(String name, List<WorkbookParameter> parameters, List<VisibilityCondition> visibility, ItemLayout layout,
        JsonNode json) implements WorkbookItem {
    public ParametersItem {
        parameters = List.copyOf(parameters);
        visibility = List.copyOf(visibility);
    }

    @Override
    public int type() {
        return 9;
    }
}
