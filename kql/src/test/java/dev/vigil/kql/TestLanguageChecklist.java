package dev.vigil.kql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.binder.EvaluatePlugins;
import dev.vigil.kql.binder.GraphFunctions;
import dev.vigil.kql.binder.SpecialCalls;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.FunctionKind;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.parser.TabularOperators;
import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.types.KqlType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The checklist of docs/kql.md: every name of Kusto's language reference (resource
 * {@code reference/names.txt}) with whether Vigil supports it and how it differs, written from the
 * function registry, {@link TabularOperators} and {@link EvaluatePlugins}. The test fails when the
 * page is stale; run it with {@code -Dvigil.writeChecklist=true} to rewrite the table.
 */
class TestLanguageChecklist {
    private static final Path PAGE = Path.of("..", "docs", "kql.md");
    private static final String START = "<!-- checklist:start -->";
    private static final String END = "<!-- checklist:end -->";
    private static final List<String> KIND_ORDER = List.of("scalar", "aggregate", "window", "scalar-operator", "operator", "plugin", "graph-function");

    private record Entry(String kind, String name) {
    }

    private record Row(String kind, String name, List<String> aliases, boolean supported, String deviation) {
    }

    @Test
    void testDocsChecklistIsWrittenFromTheRegistry() throws IOException {
        String table = checklist();
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        assertThat(start).as("docs/kql.md has a %s ... %s section", START, END).isNotNegative();
        assertThat(end).isGreaterThan(start);
        String written = page.substring(start + START.length(), end);
        if (Boolean.getBoolean("vigil.writeChecklist")) {
            Files.writeString(PAGE, page.substring(0, start + START.length()) + table + page.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertThat(written).as("docs/kql.md's checklist is stale: run mvn -pl kql test -Dtest=TestLanguageChecklist "
                + "-Dvigil.writeChecklist=true").isEqualTo(table);
    }

    @Test
    void testEveryRegisteredFunctionIsNamedInTheReferenceList() throws IOException {
        Set<String> listed = new TreeSet<>();
        reference(listed, new LinkedHashMap<>());
        Set<String> unlisted = new TreeSet<>(FunctionRegistry.names());
        unlisted.removeAll(listed);
        assertThat(unlisted).as("registered functions missing from reference/names.txt (add them, or an alias line)").isEmpty();
    }

    @Test
    void testTheParserAcceptsEveryOperatorTheChecklistCallsSupported() {
        Catalog catalog = Catalog.of(List.of(new TableSchema("T", List.of("T"), List.of(new ColumnSchema("x", KqlType.LONG)))), List.of());
        for (String name : TabularOperators.supported().keySet()) {
            String query = TabularOperators.startsQuery(name) ? name + " " : "T | " + name + " ";
            Compilation compilation = Kql.compile(query, catalog, CompileOptions.at(Instant.parse("2024-01-01T00:00:00Z")));
            assertThat(compilation.errors()).as(name).noneMatch(e -> e.message().contains("is not a query operator"));
        }
    }

    /** Reads the reference list: entries in order, and each alias with the name it spells. */
    private static List<Entry> reference(Set<String> allNames, Map<String, String> aliases) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = TestLanguageChecklist.class.getResourceAsStream("/reference/names.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split(" ", 2);
                if (parts[0].equals("alias")) {
                    String[] alias = parts[1].split(" ");
                    aliases.put(alias[0], alias[1]);
                    allNames.add(alias[0]);
                } else {
                    entries.add(new Entry(parts[0], parts[1]));
                    allNames.add(parts[1]);
                }
            }
        }
        return entries;
    }

    private static String checklist() throws IOException {
        Map<String, String> aliases = new LinkedHashMap<>();
        List<Entry> entries = reference(new TreeSet<>(), aliases);
        List<Row> rows = new ArrayList<>();
        for (Entry entry : entries) {
            List<String> spellings = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            aliases.forEach((alias, of) -> {
                if (of.equals(entry.name())) {
                    (supported(entry.kind(), alias) ? spellings : missing).add(alias);
                }
            });
            boolean supported = supported(entry.kind(), entry.name());
            String deviation = supported ? deviation(entry.kind(), entry.name()) : "";
            if (supported && !missing.isEmpty()) {
                deviation = join(deviation, "the spelling " + String.join(", ", missing.stream().map(m -> "`" + m + "`").toList())
                        + " is not accepted");
            }
            rows.add(new Row(entry.kind(), entry.name(), spellings, supported, deviation));
        }
        rows.sort((a, b) -> a.kind().equals(b.kind()) ? a.name().compareTo(b.name())
                : Integer.compare(KIND_ORDER.indexOf(a.kind()), KIND_ORDER.indexOf(b.kind())));
        StringBuilder table = new StringBuilder("\n");
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String kind : KIND_ORDER) {
            counts.put(kind, new int[2]);
        }
        for (Row row : rows) {
            counts.get(row.kind())[0] += row.supported() ? 1 : 0;
            counts.get(row.kind())[1]++;
        }
        List<String> summary = new ArrayList<>();
        counts.forEach((kind, count) -> summary.add(count[0] + " of " + count[1] + " " + plural(kind)));
        table.append("Supported: ").append(String.join(", ", summary)).append(".\n\n");
        table.append("| Name | Kind | Supported | Deviations from Kusto |\n|---|---|---|---|\n");
        for (Row row : rows) {
            String name = "`" + row.name() + "`" + (row.aliases().isEmpty() ? ""
                    : " (" + String.join(", ", row.aliases().stream().map(a -> "`" + a + "`").toList()) + ")");
            table.append("| ").append(name.replace("|", "\\|")).append(" | ").append(row.kind()).append(" | ")
                    .append(row.supported() ? "yes" : "no").append(" | ").append(row.deviation().replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }

    private static String plural(String kind) {
        switch (kind) {
            case "scalar": return "scalar functions";
            case "aggregate": return "aggregates";
            case "window": return "window functions";
            case "scalar-operator": return "scalar operators";
            case "operator": return "tabular operators";
            case "graph-function": return "graph functions";
            default: return "plugins";
        }
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : first + "; " + second;
    }

    private static boolean supported(String kind, String name) {
        switch (kind) {
            case "scalar":
                return FunctionRegistry.multiValued(name).isPresent() || declared(name, FunctionKind.SCALAR).isPresent()
                        || FunctionRegistry.scalarForm(name).isPresent() || SpecialCalls.names().contains(name);
            case "aggregate":
                return FunctionRegistry.rowPickingAggregates().contains(name) || declared(name, FunctionKind.AGGREGATE).isPresent();
            case "window":
                return declared(name, FunctionKind.WINDOW).isPresent();
            case "scalar-operator":
                return operator(name).isPresent() || FunctionRegistry.listOperators().contains(name);
            case "operator":
                return TabularOperators.supported().containsKey(name);
            case "plugin":
                return EvaluatePlugins.supported().containsKey(name);
            case "graph-function":
                return GraphFunctions.supported().containsKey(name);
            default:
                throw new IllegalArgumentException("unknown kind in reference/names.txt: " + kind);
        }
    }

    private static String deviation(String kind, String name) {
        switch (kind) {
            case "operator":
                return TabularOperators.supported().get(name);
            case "plugin":
                return EvaluatePlugins.supported().get(name);
            case "graph-function":
                return GraphFunctions.supported().get(name);
            case "scalar-operator":
                return operator(name).map(FunctionDeclaration::deviation).orElse("");
            case "scalar":
                return FunctionRegistry.scalarForm(name).or(() -> FunctionRegistry.function(name))
                        .map(FunctionDeclaration::deviation).orElse("");
            default:
                return FunctionRegistry.function(name).map(FunctionDeclaration::deviation).orElse("");
        }
    }

    private static Optional<FunctionDeclaration> declared(String name, FunctionKind kind) {
        return FunctionRegistry.function(name).filter(d -> d.kind() == kind);
    }

    private static Optional<FunctionDeclaration> operator(String text) {
        for (BinaryOperator operator : BinaryOperator.values()) {
            if (operator.text().equals(text)) {
                return Optional.of(FunctionRegistry.operator(operator));
            }
        }
        return Optional.empty();
    }
}
