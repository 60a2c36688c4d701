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
        times.forEach((kql, list) -> System.out.printf("  %8.1f ms  %s%n", median(list), kql.replace('\n', ' ').substring(0, Math.min(150,
                kql.replace('\n', ' ').length()))));
        Optional<String> union = times.keySet().stream().filter(kql -> kql.startsWith("union")).findFirst();
        union.ifPresent(kql -> {
            String sql = logStore.explain(BenchWorkspace.ID, new QueryRequest(kql, Optional.empty())).sql();
            System.out.println("  SQL of the union (" + sql.length() + " characters): " + sql.substring(0, Math.min(800, sql.length())));
        });
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}
