package dev.vigil.soc.rule.evaluation;

import dev.vigil.soc.rule.AggregationKind;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.QueryRuleProperties;
import dev.vigil.soc.rule.ScheduledRuleProperties;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs a Scheduled or NRT rule's query once and says which alerts the run raises. Writes nothing:
 * the runners commit the alerts, a dry run only shows them.
 */
public final class RuleEvaluator {
    private final LogStore logStore;

    public RuleEvaluator(LogStore logStore) {
        this.logStore = logStore;
    }

    public Evaluation evaluate(AlertRule rule, QueryRequest request, RunContext run) {
        QueryRuleProperties properties = (QueryRuleProperties) rule.properties();
        ResultTable results = logStore.query(rule.workspaceId(), request).primary();
        long count = results.rows().size();
        boolean triggered = properties instanceof ScheduledRuleProperties scheduled
                ? scheduled.schedule().triggerOperator().fires(count, scheduled.schedule().triggerThreshold())
                : count > 0;
        List<Map<String, Object>> alerts = triggered ? SecurityAlertRows.build(rule, results, run) : List.of();
        int dropped = triggered && properties.detection().aggregationKind() == AggregationKind.AlertPerResult
                ? (int) Math.max(0, count - SecurityAlertRows.MAX_ALERTS_PER_RUN) : 0;
        return new Evaluation(count, triggered, alerts, dropped);
    }

    /**
     * The query of a scheduled run: over the period that ends at the scheduled time, with
     * {@code now()} meaning the scheduled time, so that a run made late (after downtime) reads
     * what it would have read on time.
     */
    public static QueryRequest scheduledRequest(ScheduledRuleProperties properties, Instant scheduledTime) {
        Instant start = scheduledTime.minus(properties.schedule().queryPeriod());
        return QueryRequest.of(properties.detection().query()).at(scheduledTime).withTimespan(start + "/" + scheduledTime);
    }
}
