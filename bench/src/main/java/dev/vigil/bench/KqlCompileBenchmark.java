package dev.vigil.bench;

import dev.vigil.kql.Compilation;
import dev.vigil.kql.CompileOptions;
import dev.vigil.kql.Kql;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.workspace.catalog.BuiltInTables;
import dev.vigil.workspace.catalog.StandardTables;
import dev.vigil.workspace.catalog.WorkspaceTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Time to compile typical analytics-rule queries, text to DuckDB SQL (no execution). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KqlCompileBenchmark {

    /** Rule queries of the kinds Sentinel's IoT and generic templates use. */
    public enum RuleQuery {
        PRODUCT_FILTER("SecurityAlert | where ProductName == \"Azure Security Center for IoT\" | where AlertSeverity in (\"High\", \"Medium\")"),
        DEVICE_DETAILS("SecurityAlert"
                + " | where ProductName == \"Azure Security Center for IoT\""
                + " | extend DeviceId = tostring(parse_json(ExtendedProperties)[\"DeviceId\"])"
                + " | summarize Alerts = dcount(SystemAlertId), LastSeen = max(TimeGenerated) by DeviceId, AlertName"
                + " | where Alerts > 3 | sort by Alerts desc"),
        LET_AND_JOIN("let lookback = 1h;"
                + " let noisy = SecurityAlert | where TimeGenerated > ago(lookback) | summarize n = count() by CompromisedEntity | where n > 10;"
                + " SecurityAlert | where TimeGenerated > ago(lookback)"
                + " | join kind=inner noisy on CompromisedEntity"
                + " | project TimeGenerated, AlertName, CompromisedEntity, n"),
        LATEST_STATE("SecurityIncident | summarize arg_max(TimeGenerated, *) by IncidentNumber"
                + " | where Status != \"Closed\" | project IncidentNumber, Title, Severity, Status, Owner");

        final String text;

        RuleQuery(String text) {
            this.text = text;
        }
    }

    @Param
    public RuleQuery query;

    /** With the 684 standard Log Analytics tables in the catalog too, as every workspace has them: compile cost must not grow. */
    @Param({"false", "true"})
    public boolean standardTables;

    private Catalog catalog;
    private CompileOptions options;

    @Setup
    public void prepare() {
        List<TableSchema> tables = new ArrayList<>(BuiltInTables.ALL.stream().map(KqlCompileBenchmark::schema).toList());
        if (standardTables) {
            StandardTables.all().forEach(t -> tables.add(TableSchema.withoutStorage(t.name(), t.columns())));
        }
        catalog = Catalog.of(tables);
        options = CompileOptions.at(Instant.parse("2026-11-01T00:00:00Z"));
        Compilation check = Kql.compile(query.text, catalog, options);
        if (check.hasErrors()) {
            throw new IllegalStateException(query + " does not compile: " + check.errors());
        }
    }

    @Benchmark
    public Compilation compile() {
        return Kql.compile(query.text, catalog, options);
    }

    private static TableSchema schema(WorkspaceTable table) {
        return new TableSchema(table.name(), List.of("ws_default", table.name()), table.columns());
    }
}
