package dev.vigil.soc.workbook.notebook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.workbook.Fixtures;
import dev.vigil.soc.workbook.InvalidWorkbookException;
import dev.vigil.soc.workbook.WorkbookTemplate;
import dev.vigil.soc.workbook.WorkbookTemplates;
import org.junit.jupiter.api.Test;

/** What a save refuses of a workbook's settings, by JSON path, and that published documents pass. */
class TestNotebookSettingsCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static NotebookDocument document(String items) throws Exception {
        return NotebookReader.read(JSON.readTree("{\"version\":\"Notebook/1.0\",\"items\":" + items + "}"));
    }

    private static void refused(String items, String path, String problem) throws Exception {
        NotebookDocument document = document(items);
        assertThatThrownBy(() -> NotebookSettingsCheck.check(document)).isInstanceOf(InvalidWorkbookException.class)
                .hasMessageStartingWith(path + ": " + problem).extracting(e -> ((InvalidWorkbookException) e).path()).isEqualTo(path);
    }

    @Test
    void testTheBuiltInTemplatesAndTheFixturesInThePublishedFormatPass() {
        for (WorkbookTemplate template : WorkbookTemplates.builtIn().list()) {
            assertThatCode(() -> NotebookSettingsCheck.check(template.document())).as(template.id()).doesNotThrowAnyException();
        }
        assertThatCode(() -> NotebookSettingsCheck.check(NotebookReader.read(Fixtures.read("every-item.json")))).doesNotThrowAnyException();
    }

    @Test
    void testFormatterOptionsNoWorkbookCanUseAreRefusedByPath() throws Exception {
        refused("[{\"type\":12,\"content\":{\"items\":[{\"type\":3,\"content\":{\"query\":\"T\",\"gridSettings\":{\"formatters\":["
                + "{\"columnMatch\":\"n\",\"formatter\":8,\"formatOptions\":{\"min\":\"low\"}}]}}}]}}]",
                "items[0].content.items[0].content.gridSettings.formatters[0].formatOptions.min", "must be a number");
        refused("[{\"type\":3,\"content\":{\"query\":\"T\",\"gridSettings\":{\"formatters\":[{\"columnMatch\":\"n\",\"formatter\":18,"
                + "\"formatOptions\":{\"thresholdsGrid\":[{\"operator\":\">\",\"thresholdValue\":[1]}]}}]}}}]",
                "items[0].content.gridSettings.formatters[0].formatOptions.thresholdsGrid[0].thresholdValue", "must be a value");
        refused("[{\"type\":3,\"content\":{\"query\":\"T\",\"gridSettings\":{\"formatters\":[{\"formatter\":4}]}}}]",
                "items[0].content.gridSettings.formatters[0].columnMatch", "a column formatter names the column");
        refused("[{\"type\":3,\"content\":{\"query\":\"T\",\"gridSettings\":{\"formatters\":[{\"columnMatch\":\"n\",\"formatter\":0,"
                + "\"numberFormat\":{\"unit\":17,\"options\":{\"maximumFractionDigits\":40}}}]}}}]",
                "items[0].content.gridSettings.formatters[0].numberFormat.options.maximumFractionDigits", "must be a whole number from 0 to 20");
        NotebookDocument quotedMinimum = document("[{\"type\":3,\"content\":{\"query\":\"T\",\"gridSettings\":{\"formatters\":[{\"columnMatch\":"
                + "\"n\",\"formatter\":8,\"formatOptions\":{\"min\":\"0\",\"palette\":\"someNewPalette\"}}]}}}]");
        assertThatCode(() -> NotebookSettingsCheck.check(quotedMinimum)).as("a palette Vigil does not know is no error").doesNotThrowAnyException();
    }

    @Test
    void testVisibilityAndParameterSettingsNoWorkbookCanUseAreRefusedByPath() throws Exception {
        refused("[{\"type\":1,\"content\":{\"json\":\"x\"},\"conditionalVisibilities\":[{\"parameterName\":\"Tab\",\"comparison\":\"isEqualTo\"},"
                + "{\"parameterName\":\"Tab\",\"comparison\":1}]}]", "items[0].conditionalVisibilities[1].comparison", "must be text");
        refused("[{\"type\":9,\"content\":{\"parameters\":[{\"name\":\"Severity\",\"type\":2,\"jsonData\":\"[\\\"High\\\",\"}]}}]",
                "items[0].content.parameters[0].jsonData", "is not JSON");
        refused("[{\"type\":9,\"content\":{\"parameters\":[{\"name\":\"Severity\",\"type\":2,\"jsonData\":\"{\\\"High\\\": 1}\"}]}}]",
                "items[0].content.parameters[0].jsonData", "a drop-down's options are a JSON array");
        refused("[{\"type\":9,\"content\":{\"parameters\":[{\"name\":\"TimeRange\",\"type\":4,\"typeSettings\":{\"selectableValues\":["
                + "{\"durationMs\":3600000},{\"durationMs\":\"a day\"}]}}]}}]",
                "items[0].content.parameters[0].typeSettings.selectableValues[1].durationMs", "a time range is a number of milliseconds");
        refused("[{\"type\":9,\"content\":{\"parameters\":[{\"name\":\"Severity\",\"type\":2,\"multiSelect\":\"yes\"}]}}]",
                "items[0].content.parameters[0].multiSelect", "must be true or false");
    }
}
