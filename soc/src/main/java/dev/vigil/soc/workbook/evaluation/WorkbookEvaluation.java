package dev.vigil.soc.workbook.evaluation;

import java.util.List;

/** A workbook evaluated: the parameters' values as used, and every item in document order, groups' items flattened after them. */
public record WorkbookEvaluation(List<ParameterValue> parameters, List<ItemResult> items) {
    public WorkbookEvaluation {
        parameters = List.copyOf(parameters);
        items = List.copyOf(items);
    }
}
