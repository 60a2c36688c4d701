package dev.vigil.server.console.workbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.soc.workbook.notebook.NotebookReader;
import dev.vigil.soc.workbook.notebook.QueryItem;
import dev.vigil.workspace.api.ResultTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A grid's column formatters as Sentinel's workbooks write them in {@code gridSettings}. */
class TestGridRendering {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static QueryItem item(String formatters) throws Exception {
        return (QueryItem) NotebookReader.read(JSON.readTree("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":3,\"name\":\"q\",\"content\":{"
                + "\"query\":\"T\",\"gridSettings\":{\"formatters\":" + formatters + "}}}]}")).items().get(0);
    }

    private static final ResultTable DEVICES = new ResultTable("PrimaryResult", List.of(new ColumnSchema("Device", KqlType.STRING),
            new ColumnSchema("Alerts", KqlType.LONG), new ColumnSchema("Trend", KqlType.DYNAMIC), new ColumnSchema("Internal", KqlType.STRING)),
            List.of(List.of("plc-1", 8L, "[0,4,8]", "x"), List.of("plc-2", 2L, "[2,2]", "y")));

    @Test
    void testHiddenColumnsAreLeftOutAndBarsUnderneathAreScaledToTheLargest() throws Exception {
        GridView grid = GridRendering.grid(item("[{\"columnMatch\":\"Internal\",\"formatter\":5},{\"columnMatch\":\"Alerts\",\"formatter\":3}]"),
                DEVICES);

        assertThat(grid.columns()).containsExactly("Device", "Alerts", "Trend");
        assertThat(grid.rows()).allSatisfy(row -> assertThat(row).hasSize(3));
        assertThat(grid.rows().get(0).get(1).cssClass()).isEqualTo("wb-under wb-under-10");
        assertThat(grid.rows().get(1).get(1).cssClass()).isEqualTo("wb-under wb-under-3");
    }

    @Test
    void testSparkLinesAndBarsAreDrawnFromAnArrayOfNumbers() throws Exception {
        GridView lines = GridRendering.grid(item("[{\"columnMatch\":\"Trend\",\"formatter\":10}]"), DEVICES);
        GridView bars = GridRendering.grid(item("[{\"columnMatch\":\"Trend\",\"formatter\":9},{\"columnMatch\":\"Device\",\"formatter\":9}]"), DEVICES);

        assertThat(lines.rows().get(0).get(2).spark()).hasValueSatisfying(spark -> {
            assertThat(spark.bars()).isFalse();
            assertThat(spark.path()).isEqualTo("0.0,24.0 50.0,12.0 100.0,0.0");
        });
        assertThat(bars.rows().get(1).get(2).spark()).hasValueSatisfying(spark -> assertThat(spark.path()).isEqualTo("M25.0 24.0V0.0M75.0 24.0V0.0"));
        assertThat(bars.rows().get(0).get(0).spark()).as("a value that is no array of numbers stays text").isEmpty();
        assertThat(bars.rows().get(0).get(0).text()).isEqualTo("plc-1");
    }
}
