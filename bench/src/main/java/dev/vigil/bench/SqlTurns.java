package dev.vigil.bench;

import dev.vigil.workspace.api.QueryRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the SQL that two builds of the compiler write for the {@link BenchQuery}s, on a loaded
 * machine: each build's SQL text is timed in the same process on the same connection, taking turns
 * with the other's and with the hand-written SQL, so that load falls on all of them alike. Checks
 * too that every text gives the same rows.
 *
 * <pre>
 * SqlTurns explain ROWS DIR            # writes DIR/QUERY.sql: the SQL this build compiles each query to
 * SqlTurns turns ROWS ROUNDS DIR...    # times hand-written SQL and each DIR's QUERY.sql by turns
 * </pre>
 *
 * Compile {@code explain} against another build's classes to get that build's SQL.
 */
public final class SqlTurns {
    private static final String THROUGH_VIGIL = "through-vigil";
    private static final String STREAMED = "~stream";
    /** CPU time of the whole process (the engine's threads included): less sensitive to other processes' load than wall time. */
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private SqlTurns() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("explain")) {
            explain(Integer.parseInt(args[1]), Path.of(args[2]));
        } else if (args.length >= 4 && args[0].equals("turns")) {
            List<Path> directories = Arrays.stream(args, 3, args.length).map(Path::of).toList();
            turns(Integer.parseInt(args[1]), Integer.parseInt(args[2]), directories, queries());
        } else {
            System.err.println("usage: SqlTurns explain ROWS DIR | SqlTurns turns ROWS ROUNDS DIR... (-Dqueries=A,B to choose)");
            System.exit(2);
        }
    }

    private static List<BenchQuery> queries() {
        String chosen = System.getProperty("queries", "");
        return chosen.isEmpty() ? List.of(BenchQuery.values()) : Arrays.stream(chosen.split(",")).map(BenchQuery::valueOf).toList();
    }

    private static void explain(int rows, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (BenchWorkspace workspace = BenchWorkspace.securityAlerts(rows)) {
            for (BenchQuery query : BenchQuery.values()) {
                String sql = workspace.logStore().explain(BenchWorkspace.ID, QueryRequest.of(query.kql)).sql();
                Files.writeString(directory.resolve(query.name() + ".sql"), sql);
            }
        }
    }

    private static void turns(int rows, int rounds, List<Path> directories, List<BenchQuery> queries) throws Exception {
        try (BenchWorkspace workspace = BenchWorkspace.securityAlerts(rows); Connection connection = workspace.rawConnection();
             Connection streaming = workspace.rawConnection(Boolean.getBoolean("stream"))) {
            for (BenchQuery query : queries) {
                Map<String, String> texts = new LinkedHashMap<>();
                texts.put("hand-written", query.handWrittenSql(workspace.securityAlertRelation()));
                for (Path directory : directories) {
                    Path file = directory.resolve(query.name() + ".sql");
                    if (Files.exists(file)) {
                        texts.put(directory.getFileName().toString(), Files.readString(file));
                    }
                }
                Map<String, List<String>> answers = new LinkedHashMap<>();
                Map<String, List<Double>> times = new LinkedHashMap<>();
                Map<String, List<Double>> cpu = new LinkedHashMap<>();
                if (Boolean.getBoolean("stream")) {
                    // the query API's connections stream their results: the same texts on such a connection
                    for (Path directory : directories) {
                        String name = directory.getFileName().toString();
                        if (texts.containsKey(name)) {
                            texts.put(name + STREAMED, texts.get(name));
                        }
                    }
                }
                for (Map.Entry<String, String> text : texts.entrySet()) {
                    answers.put(text.getKey(), rowsOf(connectionFor(text.getKey(), connection, streaming), text.getValue()));
                    times.put(text.getKey(), new ArrayList<>());
                    cpu.put(text.getKey(), new ArrayList<>());
                }
                times.put(THROUGH_VIGIL, new ArrayList<>());
                cpu.put(THROUGH_VIGIL, new ArrayList<>());
                for (int round = 0; round < rounds; round++) {
                    for (Map.Entry<String, String> text : texts.entrySet()) {
                        long started = System.nanoTime();
                        long cpuStarted = PROCESS.getProcessCpuTime();
                        read(connectionFor(text.getKey(), connection, streaming), text.getValue());
                        times.get(text.getKey()).add((System.nanoTime() - started) / 1e6);
                        cpu.get(text.getKey()).add((PROCESS.getProcessCpuTime() - cpuStarted) / 1e6);
                    }
                    long started = System.nanoTime();
                    long cpuStarted = PROCESS.getProcessCpuTime();
                    workspace.logStore().query(BenchWorkspace.ID, QueryRequest.of(query.kql));
                    times.get(THROUGH_VIGIL).add((System.nanoTime() - started) / 1e6);
                    cpu.get(THROUGH_VIGIL).add((PROCESS.getProcessCpuTime() - cpuStarted) / 1e6);
                }
                double handWritten = median(times.get("hand-written"));
                double handWrittenCpu = mean(cpu.get("hand-written"));
                System.out.printf(Locale.ROOT, "%s %,d rows, %d rounds, load %s%n", query, rows, rounds, load());
                for (String name : texts.keySet()) {
                    double median = median(times.get(name));
                    String sameRows = name.equals("hand-written") ? "" : ", " + rowsNotInFirstBuild(answers, name) + " rows not in the first build's";
                    double cpuMedian = mean(cpu.get(name));
                    System.out.printf(Locale.ROOT, "  %-18s median %8.1f ms  ratio %.2f  cpu mean %7.1f ms  ratio %.2f  (%d result rows%s)%n",
                            name, median, median / handWritten, cpuMedian, cpuMedian / handWrittenCpu, answers.get(name).size(), sameRows);
                }
                double vigil = median(times.get(THROUGH_VIGIL));
                double vigilCpu = mean(cpu.get(THROUGH_VIGIL));
                System.out.printf(Locale.ROOT, "  %-18s median %8.1f ms  ratio %.2f  cpu mean %7.1f ms  ratio %.2f  (this build's KQL through the query API)%n",
                        THROUGH_VIGIL, vigil, vigil / handWritten, vigilCpu, vigilCpu / handWrittenCpu);
            }
        }
    }

    private static Connection connectionFor(String name, Connection plain, Connection streaming) {
        return name.endsWith(STREAMED) ? streaming : plain;
    }

    /**
     * How many of {@code name}'s rows the first build's text does not give (the hand-written SQL is left out: it
     * names and orders its columns differently); arg_max over tied keys may pick either row.
     */
    private static long rowsNotInFirstBuild(Map<String, List<String>> answers, String name) {
        List<String> names = new ArrayList<>(answers.keySet());
        java.util.Set<String> first = new java.util.HashSet<>(answers.get(names.get(1)));
        return answers.get(name).stream().filter(row -> !first.contains(row)).count();
    }

    private static long read(Connection connection, String sql) throws SQLException {
        long checksum = 0;
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int column = 1; column <= columns; column++) {
                    checksum += Objects.hashCode(result.getObject(column));
                }
            }
        }
        return checksum;
    }

    /** The rows as sorted text, values in column order. */
    private static List<String> rowsOf(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    row.append(result.getString(column)).append('\u0001');
                }
                rows.add(row.toString());
            }
        }
        Collections.sort(rows);
        return rows;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The mean, for CPU times: the process's CPU clock ticks in steps of 10 ms, which a median would keep. */
    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
