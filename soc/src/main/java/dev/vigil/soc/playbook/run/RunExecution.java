package dev.vigil.soc.playbook.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.kql.types.KqlType;
import dev.vigil.soc.playbook.Playbook;
import dev.vigil.soc.playbook.PlaybookStep;
import dev.vigil.soc.playbook.PlaybookVariable;
import dev.vigil.soc.playbook.StepPolicy;
import dev.vigil.soc.playbook.TemplateTree;
import dev.vigil.soc.playbook.action.SecretValues;
import dev.vigil.soc.playbook.action.StepActions;
import dev.vigil.soc.playbook.action.StepCall;
import dev.vigil.soc.playbook.action.StepFailedException;
import dev.vigil.soc.playbook.expression.Bindings;
import dev.vigil.soc.playbook.expression.Expression;
import dev.vigil.soc.playbook.expression.KqlExpressions;
import dev.vigil.soc.playbook.expression.Template;
import dev.vigil.workspace.api.WorkspaceException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Executes one run, from its start or from where it was cut short. The steps are walked from the
 * first each time; a step the run's record has as finished is not run again, its recorded output
 * is what the steps after it see (a replay), and a step that was under way when the run was cut
 * short is tried again as its next attempt, with the same idempotency key.
 */
final class RunExecution {
    private static final Set<String> NOT_INPUT = Set.of("id", "type", "when", "timeout", "retries", "retryInterval");

    private final Playbook playbook;
    private final PlaybookRuns runs;
    private final StepActions actions;
    private final KqlExpressions expressions;
    private final SecretValues secrets;
    private final ExecutorService attempts;
    private final Clock clock;
    private PlaybookRun run;

    RunExecution(PlaybookRun run, Playbook playbook, Map<String, String> secretValues, PlaybookRuns runs, StepActions actions,
            KqlExpressions expressions, ExecutorService attempts, Clock clock) {
        this.run = run;
        this.playbook = playbook;
        this.runs = runs;
        this.actions = actions;
        this.expressions = expressions;
        this.secrets = new SecretValues(secretValues);
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Runs to the end; returns the run as recorded. An interruption (the server stopping) leaves the run unfinished, to resume. */
    PlaybookRun execute() throws InterruptedException {
        if (run.status() != RunStatus.Running) {
            // recorded with the first step's start: one write fewer before the first step
            run = run.running();
        }
        try {
            Bindings bindings = RunInputs.bindings(run.inputs(), secrets);
            bindings = variables(bindings);
            steps(playbook.definition().steps(), bindings, "");
            finish(RunStatus.Succeeded, null);
        } catch (StepFailure failure) {
            finish(RunStatus.Failed, failure.getMessage());
        } catch (InterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopped");
            }
            finish(RunStatus.Failed, "the run failed: " + e.getMessage());
        }
        return run;
    }

    private void finish(RunStatus outcome, String error) {
        run = run.finished(outcome, error, clock.instant());
        runs.save(run);
    }

    /** The playbook's variables, all in one query: each {@code let} can name the ones before it. */
    private Bindings variables(Bindings bindings) {
        List<PlaybookVariable> variables = playbook.definition().variables();
        if (variables.isEmpty()) {
            return bindings;
        }
        StringBuilder lets = new StringBuilder();
        for (int i = 0; i < variables.size() - 1; i++) {
            lets.append("let ").append(variables.get(i).name()).append(" = ").append(variables.get(i).expression().text()).append(";\n");
        }
        // evaluated as one print of every variable, the last one's expression in place
        List<String> names = variables.stream().map(PlaybookVariable::name).toList();
        List<String> printed = new java.util.ArrayList<>(names.subList(0, names.size() - 1));
        printed.add("(" + variables.get(variables.size() - 1).expression().text() + ")");
        List<JsonNode> values;
        try {
            values = expressions.evaluate(run.workspaceId(), bindings, lets.toString(), printed);
        } catch (WorkspaceException e) {
            throw new StepFailure("the playbook's variables could not be worked out: " + e.getMessage());
        }
        Bindings next = bindings;
        for (int i = 0; i < variables.size(); i++) {
            next = next.with(variables.get(i).name(), variables.get(i).type(), values.get(i));
        }
        return next;
    }

    private Bindings steps(List<PlaybookStep> steps, Bindings bindings, String prefix) throws InterruptedException {
        Bindings current = bindings;
        for (PlaybookStep step : steps) {
            JsonNode output = step(step, current, prefix);
            current = current.with(step.id(), KqlType.DYNAMIC, output);
        }
        return current;
    }

    private JsonNode step(PlaybookStep step, Bindings bindings, String prefix) throws InterruptedException {
        String path = prefix + step.id();
        Optional<StepRun> recorded = run.step(path);
        if (recorded.isPresent()) {
            switch (recorded.get().status()) {
                case Succeeded:
                    return recorded.get().output();
                case Skipped:
                    return NullNode.getInstance();
                case Failed:
                    throw new StepFailure("step '" + path + "' failed: " + recorded.get().error());
                default:
                    break;
            }
        } else if (step.header().when().isPresent() && !holds(step.header().when().get(), bindings)) {
            record(new StepRun(path, step.id(), step.type(), StepStatus.Skipped, NullNode.getInstance(), null, null, clock.instant(), clock.instant(),
                    List.of()));
            return NullNode.getInstance();
        }
        if (step instanceof PlaybookStep.Condition condition) {
            return condition(condition, bindings, prefix, path, recorded);
        }
        if (step instanceof PlaybookStep.ForEach loop) {
            return loop(loop, bindings, prefix, path, recorded);
        }
        return action(step, bindings, path, recorded);
    }

    private JsonNode condition(PlaybookStep.Condition condition, Bindings bindings, String prefix, String path, Optional<StepRun> recorded)
            throws InterruptedException {
        boolean holds = recorded.map(found -> found.input().path("holds").asBoolean()).orElseGet(() -> holds(condition.condition(), bindings));
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("condition", condition.condition().text()).put("holds", holds);
        StepRun started = recorded.orElseGet(() -> record(new StepRun(path, condition.id(), condition.type(), StepStatus.Running, input, null, null,
                clock.instant(), null, List.of())));
        steps(holds ? condition.then() : condition.otherwise(), bindings, prefix);
        ObjectNode output = JsonNodeFactory.instance.objectNode().put("branch", holds ? "then" : "else");
        record(started.succeeded(output, clock.instant()));
        return output;
    }

    private JsonNode loop(PlaybookStep.ForEach loop, Bindings bindings, String prefix, String path, Optional<StepRun> recorded)
            throws InterruptedException {
        JsonNode items = recorded.map(found -> found.input().path("items")).orElseGet(() -> evaluate(loop.items(), bindings));
        if (!items.isArray()) {
            items = items.isNull() || items.isMissingNode() ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.arrayNode().add(items);
        }
        int total = items.size();
        ArrayNode taken = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < Math.min(total, loop.limit()); i++) {
            taken.add(items.get(i));
        }
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.set("items", taken);
        input.put("total", total);
        StepRun started = recorded.orElseGet(() -> record(new StepRun(path, loop.id(), loop.type(), StepStatus.Running, input, null, null,
                clock.instant(), null, List.of())));
        ArrayNode outputs = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < taken.size(); i++) {
            Bindings inner = bindings.with(loop.as(), KqlType.DYNAMIC, taken.get(i)).with(loop.as() + "Index", KqlType.LONG,
                    JsonNodeFactory.instance.numberNode(i));
            Bindings after = steps(loop.steps(), inner, path + "[" + i + "].");
            ObjectNode iteration = outputs.addObject();
            loop.steps().forEach(step -> iteration.set(step.id(), after.values().get(step.id()).json()));
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("count", taken.size());
        output.put("truncated", total > taken.size());
        output.set("items", outputs);
        record(started.succeeded(output, clock.instant()));
        return output;
    }

    private JsonNode action(PlaybookStep step, Bindings bindings, String path, Optional<StepRun> recorded) throws InterruptedException {
        Map<String, JsonNode> values = values(step, bindings);
        JsonNode input = recorded.map(StepRun::input).orElseGet(() -> input(step, values));
        StepRun current = recorded.orElseGet(() -> new StepRun(path, step.id(), step.type(), StepStatus.Running, input, null, null, clock.instant(),
                null, List.of()));
        StepPolicy policy = step.header().policy();
        int first = current.attempt() + 1;
        int last = Math.max(policy.attempts(), first);
        StepCall call = new StepCall(run.workspaceId(), run.runId(), path, run.runId() + "/" + path, "Playbook - " + playbook.name(),
                run.incident(), template -> values.getOrDefault(template.text(), NullNode.getInstance()), secrets, playbook.definition().smtp(),
                bindings, policy.timeout());
        for (int attempt = first; attempt <= last; attempt++) {
            if (attempt > first) {
                Thread.sleep(policy.pauseBefore(attempt).toMillis());
            }
            current = record(current.attemptStarted(attempt, clock.instant()));
            try {
                JsonNode output = attempt(step, call, policy.timeout());
                current = record(current.succeeded(output, clock.instant()));
                return output;
            } catch (StepFailedException e) {
                boolean final_ = attempt == last;
                current = record(current.attemptFailed(e.getMessage(), clock.instant(), final_));
                if (final_) {
                    throw new StepFailure("step '" + path + "' failed after " + attempt + " attempt(s): " + e.getMessage());
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private JsonNode attempt(PlaybookStep step, StepCall call, Duration timeout) throws InterruptedException {
        Future<JsonNode> attempt = attempts.submit(() -> actions.perform(step, call));
        try {
            return attempt.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            attempt.cancel(true);
            throw new StepFailedException("the step did not finish within its timeout of " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StepFailedException failed) {
                throw failed;
            }
            throw new StepFailedException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            attempt.cancel(true);
            throw e;
        }
    }

    /** Every template of the step, evaluated in one query, by text. */
    private Map<String, JsonNode> values(PlaybookStep step, Bindings bindings) {
        Set<String> texts = new LinkedHashSet<>();
        Map<String, Template> templates = new HashMap<>();
        for (Template template : step.templates()) {
            if (!template.isConstant() && texts.add(template.text())) {
                templates.put(template.text(), template);
            }
        }
        Map<String, JsonNode> values = new HashMap<>();
        step.templates().stream().filter(Template::isConstant).forEach(t -> values.put(t.text(), JsonNodeFactory.instance.textNode(t.text())));
        if (texts.isEmpty()) {
            return values;
        }
        List<String> kql = texts.stream().map(text -> templates.get(text).kql()).toList();
        List<JsonNode> evaluated;
        try {
            evaluated = expressions.evaluate(run.workspaceId(), bindings, "", kql);
        } catch (WorkspaceException e) {
            throw new StepFailure("the values of step '" + step.id() + "' could not be worked out: " + e.getMessage());
        }
        Iterator<JsonNode> next = evaluated.iterator();
        texts.forEach(text -> values.put(text, next.next()));
        return values;
    }

    /** What the run records as the step's input: the step's document with its templates evaluated (a query's text as it is). */
    private static JsonNode input(PlaybookStep step, Map<String, JsonNode> values) {
        ObjectNode source = ((ObjectNode) step.header().source()).deepCopy();
        source.remove(NOT_INPUT);
        if (step instanceof PlaybookStep.RunQuery) {
            return source;
        }
        return new TemplateTree(source, step.header().path()).render(template -> values.getOrDefault(template.text(),
                JsonNodeFactory.instance.textNode(template.text())));
    }

    private boolean holds(Expression condition, Bindings bindings) {
        JsonNode value = evaluate(condition, bindings);
        return value.isBoolean() ? value.booleanValue() : value.asText().equalsIgnoreCase("true");
    }

    private JsonNode evaluate(Expression expression, Bindings bindings) {
        try {
            return expressions.evaluate(run.workspaceId(), bindings, "", List.of("(" + expression.text() + ")")).get(0);
        } catch (WorkspaceException e) {
            throw new StepFailure(expression.path() + ": '" + expression.text().strip() + "' could not be evaluated: " + e.getMessage());
        }
    }

    private StepRun record(StepRun step) {
        run = run.with(step);
        runs.save(run);
        return step;
    }

    /** A step failed for good: the run ends Failed with this message. */
    private static final class StepFailure extends RuntimeException {
        StepFailure(String message) {
            super(message);
        }
    }
}
