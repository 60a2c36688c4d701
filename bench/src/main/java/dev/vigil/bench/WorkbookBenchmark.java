package dev.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vigil.server.identity.Principal;
import dev.vigil.server.query.InteractiveQueries;
import dev.vigil.server.query.QueryConcurrency;
import dev.vigil.server.query.QueryLog;
import dev.vigil.server.query.WorkbookRuns;
import dev.vigil.soc.workbook.evaluation.ItemResult;
import dev.vigil.soc.workbook.evaluation.ItemStatus;
import dev.vigil.soc.workbook.evaluation.WorkbookEvaluation;
import dev.vigil.soc.workbook.notebook.NotebookDocument;
import dev.vigil.soc.workbook.notebook.NotebookReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A workbook of 12 query items (and a time range and a multi-value severity parameter) evaluated
 * whole over a workspace of {@link #rows} {@code SecurityAlert} rows, through the same path as the
 * API's evaluate and the console: each query an interactive query of the viewer, with its
 * {@code LAQueryLogs} row. {@link #perCaller} is how many of one person's queries may run at once
 * (the default limit is 2): compare 1 (one after another) with 2 and 4 in one run.
 *
 * <pre>bench/run WorkbookBenchmark                        # 1,000,000 rows; 1, 2 and 4 at once
 * bench/run WorkbookBenchmark -p perCaller=2 -wi 1 -i 3   # a quick look</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 4, time = 10)
@Fork(1)
public class WorkbookBenchmark {
    private static final String IOT = "SecurityAlert | where TimeGenerated {TimeRange} | where ProductName == 'Azure Security Center for IoT'"
            + " | where AlertSeverity in ({Severity}) ";
    private static final List<String[]> QUERIES = List.of(
            new String[] {"timechart", IOT + "| summarize Alerts = dcount(SystemAlertId) by bin(TimeGenerated, {TimeRange:grain}), AlertSeverity"},
            new String[] {"barchart", IOT + "| summarize Alerts = count() by AlertName | top 10 by Alerts desc"},
            new String[] {"tiles", IOT + "| summarize Alerts = count() by AlertSeverity"},
            new String[] {"piechart", IOT + "| extend Hub = extract(@'(?i)/IotHubs/([^/]+)', 1, ResourceId) | summarize Alerts = count() by Hub"},
            new String[] {"table", IOT + "| extend DeviceId = tostring(parse_json(ExtendedProperties).DeviceId) | summarize Alerts = count(), Kinds = dcount(AlertName)"
                    + " by DeviceId | top 20 by Alerts desc"},
            new String[] {"table", IOT + "| summarize arg_max(TimeGenerated, AlertName, AlertSeverity) by CompromisedEntity | top 50 by TimeGenerated desc"},
            new String[] {"areachart", "SecurityAlert | where TimeGenerated {TimeRange} | summarize Alerts = count() by bin(TimeGenerated, 1d), ProductName"},
            new String[] {"barchart", "SecurityAlert | where TimeGenerated {TimeRange} | summarize Alerts = count() by ProductName"},
            new String[] {"linechart", IOT + "| summarize Devices = dcount(CompromisedEntity) by bin(TimeGenerated, {TimeRange:grain})"},
            new String[] {"table", IOT + "| summarize First = min(TimeGenerated), Last = max(TimeGenerated), Alerts = count() by AlertName, AlertSeverity"},
            new String[] {"tiles", "SecurityAlert | where TimeGenerated {TimeRange} | summarize Alerts = count(), Devices = dcount(CompromisedEntity)"},
            new String[] {"scatterchart", IOT + "| summarize Alerts = count(), Devices = dcount(CompromisedEntity) by AlertName"});

    @Param({"1000000"})
    public int rows;

    @Param({"1", "2", "4"})
    public int perCaller;

    private BenchWorkspace workspace;
    private WorkbookRuns runs;
    private NotebookDocument document;
    private final Map<String, JsonNode> parameters = Map.of("TimeRange", TextNode.valueOf("2026-10-02T00:00:00Z/2026-11-01T00:00:00Z"));

    @Setup(Level.Trial)
    public void open() throws IOException {
        workspace = BenchWorkspace.securityAlerts(rows);
        QueryConcurrency concurrency = new QueryConcurrency(4, perCaller, 16, Duration.ofSeconds(30));
        runs = new WorkbookRuns(new InteractiveQueries(workspace.logStore(), concurrency, new SimpleMeterRegistry()),
                new QueryLog(workspace.logStore()), concurrency, Clock.systemUTC());
        document = NotebookReader.read(workbook());
        WorkbookEvaluation first = evaluate();
        for (ItemResult item : first.items()) {
            if (item.status() != ItemStatus.OK) {
                throw new IllegalStateException("item " + item.item().name() + " is " + item.status() + ": " + item.message().orElse(""));
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        workspace.close();
    }

    @Benchmark
    public WorkbookEvaluation evaluateTwelveQueries() {
        return evaluate();
    }

    private WorkbookEvaluation evaluate() {
        return runs.evaluate(document, parameters, BenchWorkspace.ID, new Principal("bench"), "bench", "Vigil workbook benchmark");
    }

    static JsonNode workbook() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode document = json.createObjectNode().put("version", "Notebook/1.0");
        ArrayNode items = document.putArray("items");
        ObjectNode parameterItem = items.addObject().put("type", 9).put("name", "parameters");
        ArrayNode parameters = parameterItem.putObject("content").putArray("parameters");
        parameters.addObject().put("name", "TimeRange").put("type", 4).put("isRequired", true).putObject("value").put("durationMs", 86_400_000);
        parameters.addObject().put("name", "Severity").put("type", 2).put("multiSelect", true).put("quote", "'").put("delimiter", ",")
                .put("jsonData", "[\"High\",\"Medium\",\"Low\",\"Informational\"]").putArray("value").add("value::all");
        for (int i = 0; i < QUERIES.size(); i++) {
            ObjectNode content = items.addObject().put("type", 3).put("name", "query " + i).put("customWidth", "50").putObject("content");
            content.put("version", "KqlItem/1.0").put("query", QUERIES.get(i)[1]).put("visualization", QUERIES.get(i)[0])
                    .put("timeContextFromParameter", "TimeRange").put("queryType", 0).put("resourceType", "microsoft.operationalinsights/workspaces");
        }
        return document;
    }
}
