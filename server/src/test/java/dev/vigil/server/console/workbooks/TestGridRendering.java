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

    private static final ResultTable READINGS = new ResultTable("PrimaryResult", List.of(new ColumnSchema("Device", KqlType.STRING),
            new ColumnSchema("Status", KqlType.STRING), new ColumnSchema("Mean", KqlType.REAL), new ColumnSchema("p95", KqlType.REAL),
            new ColumnSchema("Latency", KqlType.LONG), new ColumnSchema("Seen", KqlType.DATETIME), new ColumnSchema("Runbook", KqlType.STRING),
            new ColumnSchema("Share", KqlType.REAL)),
            List.of(List.of("plc-1", "success", 10.0, 20.0, 1234L, "2026-12-08T01:05:09Z", "https://learn.microsoft.com/azure/sentinel/", 12.345),
                    List.of("plc-2", "Sev1", 30.0, 40.0, 250L, "2026-12-07T23:00:00.1234567Z", "javascript:alert(1)", 0.5)));

    @Test
    void testThresholdsPickTheFirstRowTheValueMeetsWithItsIconOrColourAndText() throws Exception {
        GridView grid = GridRendering.grid(item("[{\"columnMatch\":\"Latency\",\"formatter\":18,\"formatOptions\":{\"thresholdsOptions\":"
                + "\"icons\",\"thresholdsGrid\":[{\"operator\":\">=\",\"thresholdValue\":\"1000\",\"representation\":\"critical\","
                + "\"text\":\"{0}{1} slow\"},{\"operator\":\"Default\",\"thresholdValue\":null,\"representation\":\"success\","
                + "\"text\":\"{0}{1}\"}]},\"numberFormat\":{\"unit\":23,\"options\":{\"maximumFractionDigits\":3}}},"
                + "{\"columnMatch\":\"Device\",\"formatter\":18,\"formatOptions\":{\"thresholdsOptions\":\"colors\",\"thresholdsGrid\":["
                + "{\"operator\":\"endsWith\",\"thresholdValue\":\"-2\",\"representation\":\"redBright\",\"text\":\"{0} (hot)\"}]}},"
                + "{\"columnMatch\":\"Status\",\"formatter\":11}]"), READINGS);

        assertThat(grid.rows().get(0).get(4).text()).isEqualTo("1.234 s slow");
        assertThat(grid.rows().get(0).get(4).icon()).contains(new GridView.Icon("wb-icon-critical", "critical"));
        assertThat(grid.rows().get(1).get(4).text()).isEqualTo("250 ms");
        assertThat(grid.rows().get(1).get(4).icon()).contains(new GridView.Icon("wb-icon-success", "success"));
        assertThat(grid.rows().get(1).get(0).text()).isEqualTo("plc-2 (hot)");
        assertThat(grid.rows().get(1).get(0).cssClass()).isEqualTo("wb-c-red");
        assertThat(grid.rows().get(0).get(0).text()).as("no row met: the value as it is").isEqualTo("plc-1");
        assertThat(grid.rows().get(0).get(0).cssClass()).isEmpty();
        assertThat(grid.rows().get(0).get(1).icon()).contains(new GridView.Icon("wb-icon-success", "success"));
        assertThat(grid.rows().get(1).get(1).icon()).contains(new GridView.Icon("wb-icon-critical", "Sev1"));
        assertThat(grid.notices()).isEmpty();
    }

    @Test
    void testARegularExpressionFormatsSeveralColumnsOnOneScaleInItsPalette() throws Exception {
        GridView grid = GridRendering.grid(item("[{\"columnMatch\":\"Mean|p95\",\"formatter\":8,\"formatOptions\":{\"palette\":\"greenRed\"}},"
                + "{\"columnMatch\":\"Latency\",\"formatter\":4,\"formatOptions\":{\"min\":0,\"max\":\"2500\",\"palette\":\"blue\"}}]"),
                READINGS);

        assertThat(grid.rows()).extracting(row -> row.get(2).cssClass() + " / " + row.get(3).cssClass()).containsExactly(
                "wb-heat wb-heat-3 wb-p-greenRed / wb-heat wb-heat-5 wb-p-greenRed", "wb-heat wb-heat-8 wb-p-greenRed / wb-heat wb-heat-10 wb-p-greenRed");
        assertThat(grid.rows().get(0).get(4).cssClass()).isEqualTo("wb-bar wb-bar-5 wb-p-blue");
        assertThat(grid.rows().get(1).get(4).cssClass()).isEqualTo("wb-bar wb-bar-1 wb-p-blue");
    }

    @Test
    void testDatesLinksAndNumbersWithUnitsAreWrittenAsTheirFormattersSay() throws Exception {
        GridView grid = GridRendering.grid(item("[{\"columnMatch\":\"Seen\",\"formatter\":6,\"dateFormat\":{\"formatName\":"
                + "\"shortDateTimePattern\"}},{\"columnMatch\":\"Runbook\",\"formatter\":7,\"formatOptions\":{\"linkTarget\":\"Url\","
                + "\"linkLabel\":\"Open\"}},{\"columnMatch\":\"Share\",\"formatter\":0,\"numberFormat\":{\"unit\":1,\"options\":"
                + "{\"style\":\"decimal\",\"maximumFractionDigits\":1}}},{\"columnMatch\":\"Mean\",\"formatter\":13}]"), READINGS);

        assertThat(grid.rows().get(0).get(5).text()).isEqualTo("2026-12-08 01:05 UTC");
        assertThat(grid.rows().get(1).get(5).text()).isEqualTo("2026-12-07 23:00 UTC");
        assertThat(grid.rows().get(0).get(6).href()).contains("https://learn.microsoft.com/azure/sentinel/");
        assertThat(grid.rows().get(0).get(6).text()).isEqualTo("Open");
        assertThat(grid.rows().get(1).get(6).href()).as("only http(s) addresses are links").isEmpty();
        assertThat(grid.rows().get(1).get(6).text()).isEqualTo("javascript:alert(1)");
        assertThat(grid.rows()).extracting(row -> row.get(7).text()).containsExactly("12.3%", "0.5%");
        assertThat(grid.rows().get(0).get(2).text()).as("a formatter Vigil does not draw shows the value").isEqualTo("10.0");
        assertThat(grid.notices()).containsExactly("Column Mean: formatter 13 is not drawn by Vigil; the value is shown as text.");
    }
}
