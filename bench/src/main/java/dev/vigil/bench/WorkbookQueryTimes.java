package dev.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vigil.soc.workbook.WorkbookTemplates;
import dev.vigil.soc.workbook.evaluation.WorkbookEvaluator;
import dev.vigil.soc.workbook.evaluation.WorkbookQueries;
import dev.vigil.soc.workbook.notebook.NotebookDocument;
import dev.vigil.soc.workbook.notebook.NotebookReader;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where a workbook's time goes: each query of {@link WorkbookBenchmark}'s workbook and of the SOC
 * overview template, run one at a time over the 1,000,000-row data set, with its median over a few
 * rounds. Not a benchmark of its own (the figures to quote come from JMH); a look at which queries
 * cost what, before deciding what to make faster.
 *
 * <pre>(cd bench && java -cp "target/classes:$(cat target/classpath.txt)" dev.vigil.bench.WorkbookQueryTimes [rounds])</pre>
 */
public final class WorkbookQueryTimes {
    private WorkbookQueryTimes() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ExecutorService executor = Executors.newCachedThreadPool();
        try (BenchWorkspace workspace = BenchWorkspace.securityAlerts(1_000_000)) {
            Map<String, JsonNode> benchParameters = Map.of("TimeRange", TextNode.valueOf("2026-10-02T00:00:00Z/2026-11-01T00:00:00Z"));
            report("WorkbookBenchmark's 12 queries", NotebookReader.read(WorkbookBenchmark.workbook()), benchParameters, workspace.logStore(),
                    executor, rounds);
            distinctCounts(workspace, rounds);
            report("SOC overview template (last 30 days)", WorkbookTemplates.builtIn().get("soc-overview").document(),
                    Map.of("TimeRange", TextNode.valueOf("P30D")), workspace.logStore(), executor, rounds);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void report(String title, NotebookDocument document, Map<String, JsonNode> parameters, LogStore logStore, ExecutorService executor,
            int rounds) {
        Map<String, List<Double>> times = Collections.synchronizedMap(new LinkedHashMap<>());
        WorkbookQueries timed = (kql, timespan) -> {
            long started = System.nanoTime();
            ResultTable table = logStore.query(BenchWorkspace.ID, new QueryRequest(kql, timespan)).primary();
            times.computeIfAbsent(kql, k -> new ArrayList<>()).add((System.nanoTime() - started) / 1e6);
            return table;
        };
        WorkbookEvaluator oneAtATime = new WorkbookEvaluator(executor, 1, Clock.systemUTC());
        List<Double> whole = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            if (round == 0) {
                // the first round warms the JIT and DuckDB's caches; it is not counted
                oneAtATime.evaluate(document, parameters, timed);
                times.clear();
                continue;
            }
            long started = System.nanoTime();
            oneAtATime.evaluate(document, parameters, timed);
            whole.add((System.nanoTime() - started) / 1e6);
        }
        System.out.printf("%n%s: whole workbook, one query at a time: median %.0f ms over %d rounds%n", title, median(whole), rounds);
        // the end of each query tells them apart: they share the beginning
        times.forEach((kql, list) -> {
            String line = kql.replace('\n', ' ');
            System.out.printf("  %8.1f ms  ...%s%n", median(list), line.substring(Math.max(0, line.length() - 140)));
        });
        Optional<String> union = times.keySet().stream().filter(kql -> kql.startsWith("union")).findFirst();
        union.ifPresent(kql -> {
            String sql = logStore.explain(BenchWorkspace.ID, new QueryRequest(kql, Optional.empty())).sql();
            System.out.println("  SQL of the union (" + sql.length() + " characters): " + sql.substring(0, Math.min(800, sql.length())));
        });
    }

    /**
     * The costliest query of the workbook counts distinct alert ids per bin and severity; the same
     * answer three ways in DuckDB SQL, taken in turns so that the machine's load falls on each alike:
     * {@code count(DISTINCT)} (how {@code dcount} is written today, exact), the distinct rows first
     * and then a plain count (exact), and DuckDB's HyperLogLog estimate (as Kusto's dcount is one).
     */
    private static void distinctCounts(BenchWorkspace workspace, int rounds) throws Exception {
        String where = " FROM " + workspace.securityAlertRelation() + " WHERE \"TimeGenerated\" BETWEEN TIMESTAMP '2026-10-02' AND TIMESTAMP '2026-11-01'"
                + " AND \"ProductName\" = 'Azure Security Center for IoT' AND \"AlertSeverity\" IN ('High', 'Medium', 'Low', 'Informational')";
        String bin = "time_bucket(INTERVAL 12 HOUR, \"TimeGenerated\")";
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("count(DISTINCT id) by bin, severity", "SELECT " + bin + " AS b, \"AlertSeverity\", count(DISTINCT \"SystemAlertId\")" + where
                + " GROUP BY ALL");
        variants.put("distinct rows, then count(*)", "SELECT b, \"AlertSeverity\", count(*) FROM (SELECT DISTINCT " + bin + " AS b, \"AlertSeverity\","
                + " \"SystemAlertId\"" + where + ") GROUP BY ALL");
        variants.put("approx_count_distinct(id)", "SELECT " + bin + " AS b, \"AlertSeverity\", approx_count_distinct(\"SystemAlertId\")" + where
                + " GROUP BY ALL");
        Map<String, List<Double>> times = new LinkedHashMap<>();
        try (java.sql.Connection connection = workspace.rawConnection(); java.sql.Statement statement = connection.createStatement()) {
            for (int round = 0; round <= rounds; round++) {
                for (Map.Entry<String, String> variant : variants.entrySet()) {
                    long started = System.nanoTime();
                    long rows = 0;
                    try (java.sql.ResultSet result = statement.executeQuery(variant.getValue())) {
                        while (result.next()) {
                            rows++;
                        }
                    }
                    if (round > 0) {
                        times.computeIfAbsent(variant.getKey() + " (" + rows + " rows)", k -> new ArrayList<>()).add((System.nanoTime() - started) / 1e6);
                    }
                }
            }
        }
        System.out.printf("%nDistinct alert ids per 12-hour bin and severity, hand-written SQL, in turns, median of %d:%n", rounds);
        times.forEach((variant, list) -> System.out.printf("  %8.1f ms  %s%n", median(list), variant));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}
