package dev.vigil.soc.workbook.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.soc.workbook.Fixtures;
import dev.vigil.soc.workbook.InvalidWorkbookException;
import dev.vigil.soc.workbook.notebook.NotebookDocument;
import dev.vigil.soc.workbook.notebook.NotebookReader;
import dev.vigil.workspace.api.ResultTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Evaluation against a hand-written query fake that records what it was asked and answers the
 * device drop-down's query with two devices; the real query path is covered over HTTP in the server.
 */
class TestWorkbookEvaluator {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();
    private static final NotebookDocument FIXTURE = NotebookReader.read(Fixtures.read("every-item.json"));

    /** Records each query and its timespan; fails the one that reads a column that does not exist. */
    private static class RecordingQueries implements WorkbookQueries {
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        /** Opened once two queries run at once. */
        final CountDownLatch twoAtOnce = new CountDownLatch(1);
        /** Whether each query waits (a while) for a second to start, so that a serial evaluator shows as 1 at most. */
        boolean waitForCompany;

        @Override
        public ResultTable run(String kql, Optional<String> timespan) {
            asked.add(kql + " @" + timespan.orElse("-"));
            if (mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max) >= 2) {
                twoAtOnce.countDown();
            }
            try {
                // the drop-down's query runs alone, before the items that use its value
                if (waitForCompany && !kql.contains("project value = DeviceId")) {
                    twoAtOnce.await(5, TimeUnit.SECONDS);
                }
                if (kql.contains("nosuchcolumn")) {
                    throw new IllegalArgumentException("'where' operator: Failed to resolve column named 'nosuchcolumn'");
                }
                if (kql.contains("project value = DeviceId")) {
                    return new ResultTable("PrimaryResult", List.of(new ColumnSchema("value", KqlType.STRING), new ColumnSchema("label", KqlType.STRING),
                            new ColumnSchema("selected", KqlType.BOOL)), List.of(List.of("plc-1", "device plc-1", true), List.of("plc-2", "device plc-2", false)));
                }
                return new ResultTable("PrimaryResult", List.of(new ColumnSchema("Alerts", KqlType.LONG)), List.of(List.of(3L)));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }

        /** The drop-down options answered so far by query text, as a viewer's server keeps them for {@link #recall}. */
        final Map<String, ResultTable> options = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public ResultTable options(String kql) {
            ResultTable table = run(kql, Optional.empty());
            options.put(kql, table);
            return table;
        }

        @Override
        public Optional<ResultTable> recall(String kql) {
            return Optional.ofNullable(options.get(kql));
        }

        String askedFor(String fragment) {
            return asked.stream().filter(query -> query.contains(fragment)).findFirst().orElseThrow(() -> new AssertionError("no query with "
                    + fragment + " in " + asked));
        }
    }

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    private static WorkbookEvaluation evaluate(Map<String, JsonNode> given, RecordingQueries queries) {
        return new WorkbookEvaluator(EXECUTOR, 2, Clock.fixed(NOW, ZoneOffset.UTC)).evaluate(FIXTURE, given, queries);
    }

    private static WorkbookEvaluation reevaluate(Map<String, JsonNode> given, Set<String> changed, RecordingQueries queries) {
        return new WorkbookEvaluator(EXECUTOR, 2, Clock.fixed(NOW, ZoneOffset.UTC)).reevaluate(FIXTURE, given, changed, queries);
    }

    private static ItemResult item(WorkbookEvaluation evaluation, String name) {
        return evaluation.items().stream().filter(item -> item.item().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void testEveryItemComesOutInDocumentOrderWithItsStatus() {
        WorkbookEvaluation evaluation = evaluate(Map.of(), new RecordingQueries());

        assertThat(evaluation.items()).extracting(result -> result.item().name() + "=" + result.status().label() + "@" + result.depth())
                .containsExactly("title=ok@0", "parameters=ok@0", "tabs=ok@0", "alerts group=ok@0", "alerts over time=ok@1", "device alerts=ok@1",
                        "tiles=ok@1", "broken query=error@1", "other tab=hidden@0", "resource graph=unsupported@0", "hub metrics=unsupported@0");
        assertThat(item(evaluation, "broken query").message()).hasValueSatisfying(message -> assertThat(message).contains("nosuchcolumn"));
        assertThat(item(evaluation, "hub metrics").message()).hasValueSatisfying(message -> assertThat(message).contains("metrics"));
        assertThat(item(evaluation, "parameters").message()).hasValueSatisfying(message -> assertThat(message).contains("'Subscription'"));
    }

    @Test
    void testDefaultsAreSubstitutedInQueriesAndText() {
        RecordingQueries queries = new RecordingQueries();
        WorkbookEvaluation evaluation = evaluate(Map.of(), queries);

        assertThat(queries.askedFor("bin(TimeGenerated")).contains("AlertSeverity in ('High','Medium')").contains("bin(TimeGenerated, 30m)")
                .endsWith("@PT24H");
        assertThat(queries.askedFor("project value = DeviceId")).as("the drop-down's query sees the parameters before it")
                .contains("AlertSeverity in ('High','Medium')");
        assertThat(queries.askedFor("== 'plc-1'")).as("the option the query marked selected is the default").isNotNull();
        assertThat(item(evaluation, "title").text()).contains("# Fixture\nSeverities: High severity, Medium severity; range Last 24 hours; owner ops.");
        assertThat(item(evaluation, "alerts group").text()).contains("Alerts of plc-1");
        assertThat(item(evaluation, "device alerts").text()).contains("Alerts of device plc-1");
        assertThat(item(evaluation, "alerts over time").text()).contains("Alerts over Last 24 hours");
        assertThat(evaluation.parameters()).extracting(ParameterValue::name).containsExactly("TimeRange", "Severity", "Device", "Owner", "Subscription",
                "Tab");
    }

    @Test
    void testGivenValuesReplaceDefaultsIncludingAllAndTabs() throws Exception {
        RecordingQueries queries = new RecordingQueries();
        WorkbookEvaluation evaluation = evaluate(Map.of("Severity", JSON.readTree("[\"value::all\"]"), "TimeRange", JSON.readTree("{\"durationMs\":3600000}"),
                "Device", TextNode.valueOf("plc-2"), "Tab", TextNode.valueOf("other")), queries);

        assertThat(queries.asked).as("the alerts tab's group is hidden").noneMatch(query -> query.contains("bin(TimeGenerated"));
        assertThat(item(evaluation, "alerts over time").status()).isEqualTo(ItemStatus.HIDDEN);
        assertThat(item(evaluation, "other tab").status()).isEqualTo(ItemStatus.OK);
        assertThat(queries.askedFor("project value = DeviceId")).contains("AlertSeverity in ('High','Medium','Low')");
        assertThat(queries.asked).noneMatch(query -> query.contains("plc-1'"));

        RecordingQueries onAlerts = new RecordingQueries();
        evaluate(Map.of("TimeRange", JSON.readTree("3600000"), "Severity", JSON.readTree("\"Low\"")), onAlerts);
        assertThat(onAlerts.askedFor("bin(TimeGenerated")).contains("in ('Low')").contains("bin(TimeGenerated, 5m)").endsWith("@PT1H");
    }

    @Test
    void testTimeRangeFormsInQueries() throws Exception {
        Map<String, ParameterValue> values = Map.of("TimeRange", ParameterValue.time("TimeRange", TimeRangeValue.read(
                TextNode.valueOf("2026-12-01T00:00:00Z/2026-12-02T00:00:00Z"), "p"), true));
        ParameterSubstitution substitution = new ParameterSubstitution(values, NOW);

        assertThat(substitution.apply("T | where TimeGenerated {TimeRange} | make-series c = count() on TimeGenerated from {TimeRange:start} to"
                + " datetime({TimeRange:end}) step {TimeRange:grain}", true)).isEqualTo("T | where TimeGenerated between (datetime(2026-12-01T00:00:00Z) .."
                + " datetime(2026-12-02T00:00:00Z)) | make-series c = count() on TimeGenerated from datetime(2026-12-01T00:00:00Z) to"
                + " datetime(2026-12-02T00:00:00Z) step 30m");
        assertThat(substitution.apply("{TimeRange:value} {TimeRange:query} {TimeRange:nonsense} {NotAParameter} dynamic({\"a\":1})", true))
                .startsWith("between (datetime(2026-12-01").contains("{TimeRange:nonsense} {NotAParameter} dynamic({\"a\":1})");
        assertThat(new ParameterSubstitution(Map.of("TimeRange", ParameterValue.time("TimeRange", TimeRangeValue.read(TextNode.valueOf("P7D"), "p"),
                true)), NOW).apply("{TimeRange} {TimeRange:grain}", true)).isEqualTo("> ago(7d) 6h");
    }

    @Test
    void testARequiredParameterWithoutValueHoldsTheQueriesThatUseIt() throws Exception {
        RecordingQueries queries = new RecordingQueries() {
            @Override
            public ResultTable run(String kql, Optional<String> timespan) {
                if (kql.contains("project value = DeviceId")) {
                    return new ResultTable("PrimaryResult", List.of(new ColumnSchema("value", KqlType.STRING)), List.of());
                }
                return super.run(kql, timespan);
            }
        };
        WorkbookEvaluation evaluation = evaluate(Map.of(), queries);

        assertThat(item(evaluation, "device alerts").status()).isEqualTo(ItemStatus.ERROR);
        assertThat(item(evaluation, "device alerts").message()).contains("The query waits for a value of the parameter Device.");
        assertThat(item(evaluation, "alerts over time").status()).isEqualTo(ItemStatus.OK);
    }

    @Test
    void testQueriesRunConcurrentlyUpToTheParallelism() {
        RecordingQueries queries = new RecordingQueries();
        queries.waitForCompany = true;
        evaluate(Map.of(), queries);

        assertThat(queries.mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void testAnUnknownOrWrongParameterIsRefusedNamingIt() {
        assertThatThrownBy(() -> evaluate(Map.of("Sevrity", TextNode.valueOf("High")), new RecordingQueries()))
                .isInstanceOf(InvalidWorkbookException.class).hasMessageContaining("parameters.Sevrity: the workbook has no parameter 'Sevrity'")
                .hasMessageContaining("Severity");
        assertThatThrownBy(() -> evaluate(Map.of("TimeRange", TextNode.valueOf("yesterday")), new RecordingQueries()))
                .isInstanceOf(InvalidWorkbookException.class).hasMessageStartingWith("parameters.TimeRange: a time range is");
    }

    @Test
    void testAChangeEvaluatesOnlyTheItemsThatReferToIt() {
        RecordingQueries queries = new RecordingQueries();
        evaluate(Map.of(), queries);
        queries.asked.clear();

        WorkbookEvaluation evaluation = reevaluate(Map.of("Owner", TextNode.valueOf("night shift")), Set.of("Owner"), queries);

        assertThat(evaluation.items()).as("the title shows Owner; the other tab's visibility compares it")
                .extracting(result -> result.item().name() + "@" + result.position() + "=" + result.status().label())
                .containsExactly("title@0=ok", "other tab@8=hidden");
        assertThat(item(evaluation, "title").text()).hasValueSatisfying(text -> assertThat(text).contains("owner night shift."));
        assertThat(queries.asked).as("no query refers to Owner, and the Device drop-down keeps its options").isEmpty();
    }

    @Test
    void testAChangeReachesTheItemsOfParametersWhoseQueryUsesIt() throws Exception {
        RecordingQueries queries = new RecordingQueries();
        evaluate(Map.of(), queries);
        queries.asked.clear();

        WorkbookEvaluation evaluation = reevaluate(Map.of("Severity", JSON.readTree("[\"Low\"]")), Set.of("Severity"), queries);

        assertThat(evaluation.items()).extracting(result -> result.item().name() + "@" + result.position())
                .containsExactly("title@0", "parameters@1", "alerts group@3", "alerts over time@4", "device alerts@5");
        assertThat(queries.askedFor("project value = DeviceId")).as("the Device drop-down's query uses Severity").contains("in ('Low')");
        assertThat(queries.asked).hasSize(3).anyMatch(query -> query.contains("bin(TimeGenerated"))
                .anyMatch(query -> query.contains("== 'plc-1'")).noneMatch(query -> query.startsWith("SecurityAlert | summarize Alerts"))
                .noneMatch(query -> query.contains("nosuchcolumn") || query.contains("take 5"));
    }

    @Test
    void testATimeRangeChangeRerunsTheQueriesItBoundsAndNothingElse() throws Exception {
        RecordingQueries queries = new RecordingQueries();
        evaluate(Map.of(), queries);
        queries.asked.clear();

        WorkbookEvaluation evaluation = reevaluate(Map.of("TimeRange", TextNode.valueOf("PT1H")), Set.of("TimeRange"), queries);

        assertThat(evaluation.items()).extracting(result -> result.item().name()).containsExactly("title", "alerts over time", "device alerts");
        assertThat(queries.asked).hasSize(2).allMatch(query -> query.endsWith("@PT1H"));
    }

    @Test
    void testATabChangeShowsAndHidesTheGroupsItemsAndRunsOnlyWhatShows() {
        RecordingQueries queries = new RecordingQueries();
        evaluate(Map.of(), queries);
        queries.asked.clear();

        WorkbookEvaluation evaluation = reevaluate(Map.of("Tab", TextNode.valueOf("other")), Set.of("Tab"), queries);

        assertThat(evaluation.items()).extracting(result -> result.item().name() + "=" + result.status().label()).containsExactly("tabs=ok",
                "alerts group=hidden", "alerts over time=hidden", "device alerts=hidden", "tiles=hidden", "broken query=hidden", "other tab=ok");
        assertThat(queries.asked).singleElement().asString().startsWith("SecurityAlert | take 5");
    }

    @Test
    void testAChangeOfAnUnknownParameterIsRefused() {
        assertThatThrownBy(() -> reevaluate(Map.of(), Set.of("Sevrity"), new RecordingQueries())).isInstanceOf(InvalidWorkbookException.class)
                .hasMessageContaining("changed.Sevrity: the workbook has no parameter 'Sevrity'");
    }
}
