package dev.vigil.kql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.Compilation;
import dev.vigil.kql.CompileOptions;
import dev.vigil.kql.Kql;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.kql.functions.FunctionRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever the text, compiling gives a result or KQL diagnostics — never an exception, never
 * a hang, never Java's words in a message — and SQL that compiled runs on DuckDB or fails with a
 * message. Inputs are the conformance queries mutated (tokens deleted, swapped, duplicated,
 * truncated, random characters, deep nesting), the queries themselves, and expressions generated
 * from the function registry. The seed is fixed; {@code -Dkql.fuzz.iterations=N} runs more, {@code -Dkql.fuzz.seed=S}
 * another sequence.
 */
class TestKqlFuzz {
    private static final int ITERATIONS = Integer.getInteger("kql.fuzz.iterations", 4000);
    private static final long SEED = Long.getLong("kql.fuzz.seed", 20240310L);
    // hang detectors, not speed limits: generous enough for a machine busy with other builds
    private static final long COMPILE_LIMIT_MS = 15_000;
    private static final long EXECUTE_LIMIT_MS = 30_000;
    private static final Pattern TOKEN = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[A-Za-z_][A-Za-z0-9_]*|[0-9.]+[a-z]*|\\S");
    private static final Pattern JAVA_TEXT = Pattern.compile("Exception|java\\.|\\bat dev\\.|NullPointer|IndexOutOfBounds|ClassCast");
    private static final String[] ATOMS = {"Id", "Small", "Value", "Computer", "Message", "Level", "TimeGenerated", "Duration", "Flag",
        "Props", "Props.a", "Props[0]", "1", "-2", "2.5", "\"web\"", "''", "datetime(2024-01-01)", "1h", "true", "dynamic([1,\"a\"])",
        "dynamic({\"a\":{\"b\":1}})", "long(null)", "guid(00000000-0000-0000-0000-000000000000)"};
    private static final String[] OPERATORS = {"+", "-", "*", "/", "%", "==", "!=", "<", ">=", "and", "or", "has", "!has", "contains",
        "startswith", "endswith_cs", "=~", "!~", "hasprefix", "matches regex", "has_cs", "in~"};

    private static Connection connection;
    private static ExecutorService executor;

    @BeforeAll
    static void createTables() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        ConformanceTables.create(connection);
        JavaFunctionInstaller.install((org.duckdb.DuckDBConnection) connection);
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "kql-fuzz");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void close() throws SQLException {
        executor.shutdownNow();
        connection.close();
    }

    @Test
    void testMutatedAndGeneratedQueriesOnlyEverGiveDiagnosticsOrRunnableSql() throws Exception {
        List<String> seeds = conformanceQueries();
        List<String> functions = new ArrayList<>(FunctionRegistry.names());
        Random random = new Random(SEED);
        int compiled = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String seed = seeds.get(random.nextInt(seeds.size()));
            String query = i % 4 == 0 ? seed : i % 4 == 1 ? generated(random, functions) : mutated(seed, random);
            if (check(query)) {
                compiled++;
            }
        }
        // the mix must exercise both paths, or the property says little
        assertThat(compiled).as("queries that compiled").isGreaterThan(ITERATIONS / 10);
        assertThat(compiled).as("queries that compiled").isLessThan(ITERATIONS);
    }

    @Test
    void testDeepNestingAndLongInputEndAsDiagnostics() throws Exception {
        check("Events | where " + "(".repeat(5_000) + "1" + ")".repeat(5_000) + " == 1");
        check("Events | project a = " + "-".repeat(10_000) + "1");
        check("Events | project a = Props" + ".a".repeat(5_000));
        check("Events | project a = Props" + "[0]".repeat(5_000));
        check("Events | project a = " + "strcat(".repeat(3_000) + "'x'" + ")".repeat(3_000));
        check("Events | where Id in (" + "1, ".repeat(20_000) + "2)");
        check("Events | project a = " + "1 + ".repeat(20_000) + "1");
    }

    /** Compiles (and runs, when it compiles) one query; true when it compiled. */
    private static boolean check(String query) throws Exception {
        Future<Compilation> future = executor.submit(() -> Kql.compile(query, ConformanceTables.CATALOG, CompileOptions.at(ConformanceTables.NOW)));
        Compilation compilation;
        try {
            compilation = future.get(COMPILE_LIMIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("compiling took more than " + COMPILE_LIMIT_MS + " ms: " + abbreviated(query), e);
        } catch (ExecutionException e) {
            throw new AssertionError("compiling threw for: " + abbreviated(query), e.getCause());
        }
        for (KqlDiagnostic diagnostic : compilation.diagnostics()) {
            assertThat(diagnostic.message()).as("message for %s", abbreviated(query)).isNotBlank().doesNotContainPattern(JAVA_TEXT);
            assertThat(diagnostic.line()).isPositive();
            assertThat(diagnostic.column()).isPositive();
        }
        if (compilation.hasErrors()) {
            assertThat(compilation.sql()).isEmpty();
            return false;
        }
        execute(query, compilation.sql());
        return true;
    }

    private static void execute(String query, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            Future<Void> future = executor.submit(() -> {
                try (ResultSet rows = statement.executeQuery(sql)) {
                    while (rows.next()) {
                        rows.getObject(1);
                    }
                } catch (SQLException e) {
                    // a run-time failure is allowed when it explains itself
                    assertThat(e.getMessage()).as("DuckDB message for %s", abbreviated(query)).isNotBlank();
                }
                return null;
            });
            try {
                future.get(EXECUTE_LIMIT_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                statement.cancel();
                future.cancel(true);
                throw new AssertionError("running took more than " + EXECUTE_LIMIT_MS + " ms: " + abbreviated(query) + "\n" + sql, e);
            } catch (ExecutionException e) {
                throw new AssertionError("running threw for: " + abbreviated(query) + "\n" + sql, e.getCause());
            }
        }
    }

    private static String mutated(String query, Random random) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(query);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        if (tokens.isEmpty()) {
            return query;
        }
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && !tokens.isEmpty(); m++) {
            int at = random.nextInt(tokens.size());
            switch (random.nextInt(6)) {
                case 0: tokens.remove(at); break;
                case 1: {
                    int other = random.nextInt(tokens.size());
                    String swapped = tokens.get(at);
                    tokens.set(at, tokens.get(other));
                    tokens.set(other, swapped);
                    break;
                }
                case 2: tokens.add(at, tokens.get(random.nextInt(tokens.size()))); break;
                case 3: tokens.subList(at, tokens.size()).clear(); break;
                case 4: tokens.add(at, String.valueOf((char) (33 + random.nextInt(94)))); break;
                default: tokens.add(at, ATOMS[random.nextInt(ATOMS.length)]); break;
            }
        }
        return String.join(" ", tokens);
    }

    private static String generated(Random random, List<String> functions) {
        String table = random.nextBoolean() ? "Events" : "Signins";
        String expression = expression(random, functions, 3);
        switch (random.nextInt(3)) {
            case 0: return table + " | project x = " + expression;
            case 1: return table + " | where " + expression;
            default: return table + " | summarize " + functions.get(random.nextInt(functions.size())) + "(" + expression + ") by b = "
                    + expression(random, functions, 1);
        }
    }

    private static String expression(Random random, List<String> functions, int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            return ATOMS[random.nextInt(ATOMS.length)];
        }
        if (random.nextBoolean()) {
            int arity = random.nextInt(4);
            List<String> arguments = new ArrayList<>();
            for (int i = 0; i < arity; i++) {
                arguments.add(expression(random, functions, depth - 1));
            }
            return functions.get(random.nextInt(functions.size())) + "(" + String.join(", ", arguments) + ")";
        }
        return expression(random, functions, depth - 1) + " " + OPERATORS[random.nextInt(OPERATORS.length)] + " "
                + expression(random, functions, depth - 1);
    }

    private static List<String> conformanceQueries() throws IOException, URISyntaxException {
        Path directory = Path.of(TestKqlFuzz.class.getResource("/conformance").toURI());
        List<String> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".kqltest")).sorted().toList()) {
                ConformanceFile.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8))
                        .forEach(c -> queries.add(c.query()));
            }
        }
        return queries;
    }

    private static String abbreviated(String query) {
        return query.length() > 300 ? query.substring(0, 300) + "..." : query;
    }
}
