package dev.vigil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.json.AlertRuleJson;
import dev.vigil.soc.rule.runtime.AnalyticsRuntime;
import dev.vigil.soc.rule.runtime.RuntimeSettings;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How many Scheduled rules at a 5-minute frequency one node sustains on a 10M-row workspace: the
 * real rule runtime (its detection pool of two threads) runs rounds of every rule's next run, and
 * the time a round takes gives the runs a 5-minute period holds. Not JMH: a round is many rules'
 * runs through the pool, with their commits and health rows, as in production.
 *
 * <pre>bench/run-rules [rules=40] [rounds=4] [rows=10000000]</pre>
 */
public final class ScheduledRuleBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FREQUENCY = Duration.ofMinutes(5);

    /** The mix, taken in turn: per-device counts, a rare alert name, a spread across devices, one device's alerts. */
    private static final String[][] QUERIES = {
        {"SecurityAlert | where ProductName == 'Azure Security Center for IoT' and AlertSeverity == 'High'"
                + " | summarize Alerts = count() by CompromisedEntity | where Alerts > 1", "AlertPerResult"},
        {"SecurityAlert | where AlertName == 'Disable firewall' and AlertSeverity == 'High'", "SingleAlert"},
        {"SecurityAlert | summarize Devices = dcount(CompromisedEntity) by AlertName | where Devices > 100", "SingleAlert"},
        {"SecurityAlert | extend DeviceId = tostring(parse_json(ExtendedProperties).DeviceId) | where DeviceId == 'device-42'",
                "AlertPerResult"},
    };

    private ScheduledRuleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int ruleCount = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 10_000_000;
        PrintWriter out = new PrintWriter(System.out, true);
        AtomicReference<Instant> now = new AtomicReference<>(SecurityAlertRows.END.minus(Duration.ofHours(2)));
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        try (BenchWorkspace workspace = BenchWorkspace.securityAlerts(rows)) {
            var logStore = workspace.logStore();
            AlertRules rules = AlertRules.open(logStore, workspace.stateStore(), clock);
            for (AlertRule old : rules.list(BenchWorkspace.ID)) {
                rules.delete(BenchWorkspace.ID, old.id(), Optional.empty());
            }
            out.printf(Locale.ROOT, "%,d rows; each query alone over one 5-minute window (median of 5):%n", rows);
            for (String[] query : QUERIES) {
                out.printf(Locale.ROOT, "  %5.1f ms  %s%n", queryAlone(logStore, query[0]), query[0]);
            }
            List<String> ids = new ArrayList<>();
            // fresh ids: a rule's checkpoint outlives the rule, and the data directory is reused
            String run = Long.toString(System.currentTimeMillis(), 36);
            for (int i = 0; i < ruleCount; i++) {
                String id = "bench-" + run + "-" + i;
                rules.save(BenchWorkspace.ID, id, AlertRuleJson.read(rule(i)), Optional.empty());
                ids.add(id);
            }
            try (AnalyticsRuntime runtime = AnalyticsRuntime.start(rules, logStore, workspace.stateStore(), clock, Optional.empty(),
                    RuntimeSettings.defaults())) {
                List<Double> perRun = new ArrayList<>();
                for (int round = 0; round <= rounds; round++) {
                    long started = System.nanoTime();
                    runtime.awaitIdle();
                    double millis = (System.nanoTime() - started) / 1e6;
                    if (round > 0) {
                        perRun.add(millis / ruleCount);
                    }
                    out.printf(Locale.ROOT, "round %d%s: %d runs in %.0f ms (%.1f ms a run through the pool)%n", round,
                            round == 0 ? " (warm-up)" : "", ruleCount, millis, millis / ruleCount);
                    now.set(now.get().plus(FREQUENCY));
                }
                double mean = perRun.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                out.printf(Locale.ROOT, "mean %.1f ms a run: %,.0f runs fit in 5 minutes, so about %,.0f Scheduled rules at a 5-minute "
                        + "frequency with the pool fully busy, %,.0f keeping it half idle%n", mean, FREQUENCY.toMillis() / mean,
                        FREQUENCY.toMillis() / mean, FREQUENCY.toMillis() / mean / 2);
            } finally {
                for (String id : ids) {
                    rules.delete(BenchWorkspace.ID, id, Optional.empty());
                }
            }
        }
    }

    private static double queryAlone(LogStore logStore, String query) {
        Instant end = SecurityAlertRows.END.minus(Duration.ofHours(1));
        QueryRequest request = QueryRequest.of(query).at(end).withTimespan(end.minus(FREQUENCY) + "/" + end);
        logStore.query(BenchWorkspace.ID, request);
        double[] times = new double[5];
        for (int i = 0; i < times.length; i++) {
            long started = System.nanoTime();
            logStore.query(BenchWorkspace.ID, request);
            times[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    private static ObjectNode rule(int i) {
        String[] query = QUERIES[i % QUERIES.length];
        ObjectNode body = JSON.createObjectNode().put("kind", "Scheduled");
        ObjectNode p = body.putObject("properties");
        p.put("displayName", "bench rule " + i);
        p.put("query", query[0]);
        p.put("severity", "Medium");
        p.put("queryFrequency", "PT5M");
        p.put("queryPeriod", "PT5M");
        p.put("triggerOperator", "GreaterThan");
        p.put("triggerThreshold", 0);
        p.putObject("eventGroupingSettings").put("aggregationKind", query[1]);
        return body;
    }
}
