package dev.vigil.server.console.workbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A save's refusal, named by JSON path, finds the editor's field that shows the place. */
class TestFieldPaths {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void testAPathNamesTheFieldOfItsItemRowAndSetting() throws Exception {
        JsonNode document = JSON.readTree("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":9},{\"type\":12,\"content\":{\"items\":[{\"type\":1},"
                + "{\"type\":3,\"conditionalVisibility\":{\"parameterName\":\"Tab\"},\"conditionalVisibilities\":[{\"parameterName\":\"A\"}]}]}}]}");

        assertThat(FieldPaths.field(document, "items[0].content.parameters[2].jsonData")).isEqualTo("item.0.parameter.2.options");
        assertThat(FieldPaths.field(document, "items[0].content.parameters[0].typeSettings.selectableValues[1].durationMs"))
                .isEqualTo("item.0.parameter.0.timeRanges");
        assertThat(FieldPaths.field(document, "items[0].content.parameters[0].type")).isEqualTo("item.0.parameter.0.type");
        assertThat(FieldPaths.field(document, "items[1].content.items[1].content.gridSettings.formatters[3].formatOptions.min"))
                .isEqualTo("item.1.1.formatter.3.min");
        assertThat(FieldPaths.field(document, "items[1].content.items[1].content.gridSettings.formatters[0].formatOptions.thresholdsGrid[2]"
                + ".thresholdValue")).isEqualTo("item.1.1.formatter.0.threshold.2.value");
        assertThat(FieldPaths.field(document, "items[1].content.items[1].content.gridSettings.formatters[0].numberFormat.options"
                + ".maximumFractionDigits")).isEqualTo("item.1.1.formatter.0.digits");
        assertThat(FieldPaths.field(document, "items[1].content.items[1].conditionalVisibilities[0].comparison"))
                .as("after the single condition, the list's first is the second row").isEqualTo("item.1.1.condition.1.comparison");
        assertThat(FieldPaths.field(document, "items[1].content.items[0].conditionalVisibility.parameterName"))
                .isEqualTo("item.1.0.condition.0.parameter");
        assertThat(FieldPaths.field(document, "items[1].customWidth")).isEqualTo("item.1.width");
        assertThat(FieldPaths.field(document, "items[1].content.items[1].content.mapSettings.locInfo")).as("no field: the item")
                .isEqualTo("item.1.1");
        assertThat(FieldPaths.field(document, "version")).as("no item: the workbook").isEmpty();
    }
}
