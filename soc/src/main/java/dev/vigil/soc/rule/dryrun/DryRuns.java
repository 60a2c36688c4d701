package dev.vigil.soc.rule.dryrun;

import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.AlertRuleProperties;
import dev.vigil.soc.rule.InvalidAlertRuleException;
import dev.vigil.soc.rule.NrtRuleProperties;
import dev.vigil.soc.rule.ScheduledRuleProperties;
import dev.vigil.soc.rule.evaluation.Evaluation;
import dev.vigil.soc.rule.evaluation.RuleEvaluator;
import dev.vigil.soc.rule.evaluation.RunContext;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a rule, saved or not, over a past window and returns what it would have raised, writing
 * nothing. A Scheduled rule makes the runs its schedule would have made in the window (every
 * {@code queryFrequency} from the window's start, each over its {@code queryPeriod}); an NRT
 * rule, which follows ingestion, runs once over the rows whose {@code TimeGenerated} falls in the window.
 */
public final class DryRuns {
    /** The most runs one dry run makes, e.g. 24 hours of a 5-minute rule. */
    public static final int MAX_RUNS = 288;

    private final AlertRules rules;
    private final RuleEvaluator evaluator;
    private final Clock clock;

    public DryRuns(AlertRules rules, LogStore logStore, Clock clock) {
        this.rules = rules;
        this.evaluator = new RuleEvaluator(logStore);
        this.clock = clock;
    }

    public DryRunResult ofSaved(String workspaceId, String ruleId, DryRunWindow window) {
        return run(rules.get(workspaceId, ruleId), window);
    }

    /** Checks the unsaved rule as a save would, then replays it. */
    public DryRunResult ofUnsaved(String workspaceId, AlertRuleProperties properties, DryRunWindow window) {
        rules.check(workspaceId, properties);
        Instant now = clock.instant();
        return run(new AlertRule(workspaceId, "dry-run", "", now, now, 0, properties), window);
    }

    private DryRunResult run(AlertRule rule, DryRunWindow window) {
        List<DryRunResult.Run> runs = new ArrayList<>();
        if (rule.properties() instanceof ScheduledRuleProperties scheduled) {
            Instant at = window.startTime().plus(scheduled.schedule().queryFrequency());
            if (at.isAfter(window.endTime())) {
                throw new InvalidAlertRuleException("endTime", "the window is shorter than the rule's frequency ("
                        + scheduled.schedule().queryFrequency() + "): no run falls in it");
            }
            for (; !at.isAfter(window.endTime()); at = at.plus(scheduled.schedule().queryFrequency())) {
                if (runs.size() == MAX_RUNS) {
                    throw new InvalidAlertRuleException("endTime", "the window holds more than " + MAX_RUNS + " runs of the rule; replay a shorter one");
                }
                Instant start = at.minus(scheduled.schedule().queryPeriod());
                runs.add(run(rule, RuleEvaluator.scheduledRequest(scheduled, at), "dry run " + at, at, start, at));
            }
        } else if (rule.properties() instanceof NrtRuleProperties nrt) {
            QueryRequest request = QueryRequest.of(nrt.detection().query()).at(window.endTime())
                    .withTimespan(window.startTime() + "/" + window.endTime());
            runs.add(run(rule, request, "dry run " + window.endTime(), window.endTime(), window.startTime(), window.endTime()));
        } else {
            throw new InvalidAlertRuleException("kind", "a dry run replays Scheduled and NRT rules; a " + rule.kind().armName()
                    + " rule raises no alerts of its own");
        }
        return new DryRunResult(runs);
    }

    private DryRunResult.Run run(AlertRule rule, QueryRequest request, String runKey, Instant at, Instant start, Instant end) {
        Evaluation evaluation = evaluator.evaluate(rule, request, new RunContext(rule.workspaceId(), runKey, at, start, end, clock.instant()));
        return new DryRunResult.Run(start, end, evaluation.resultCount(), evaluation.triggered(), evaluation.alerts());
    }
}
