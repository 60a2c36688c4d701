package dev.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff FILE}) of {@link QueryBenchmark} into the
 * markdown table of {@code docs/benchmarks.md}: each query and size with both scores and their ratio.
 */
public final class BenchReport {
    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchReport JMH_RESULT.json");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Map<String, double[]> rows = new TreeMap<>();
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText();
            if (!benchmark.endsWith("QueryBenchmark.kql") && !benchmark.endsWith("QueryBenchmark.handWrittenDuckDbSql")) {
                continue;
            }
            JsonNode params = result.path("params");
            String key = String.format(Locale.ROOT, "%-16s | %,11d", params.path("query").asText(), params.path("rows").asLong());
            double[] scores = rows.computeIfAbsent(key, k -> new double[2]);
            scores[benchmark.endsWith(".kql") ? 0 : 1] = result.path("primaryMetric").path("score").asDouble();
        }
        System.out.println("| query | rows | KQL through Vigil (ms) | hand-written DuckDB SQL (ms) | ratio |");
        System.out.println("|---|---:|---:|---:|---:|");
        rows.forEach((key, scores) -> System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.2f |%n",
                key, scores[0], scores[1], scores[1] == 0 ? Double.NaN : scores[0] / scores[1]));
    }
}
