package dev.vigil.soc.workbook.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.workbook.notebook.GroupItem;
import dev.vigil.soc.workbook.notebook.LinksItem;
import dev.vigil.soc.workbook.notebook.NotebookDocument;
import dev.vigil.soc.workbook.notebook.ParametersItem;
import dev.vigil.soc.workbook.notebook.QueryItem;
import dev.vigil.soc.workbook.notebook.TextItem;
import dev.vigil.soc.workbook.notebook.UnsupportedItem;
import dev.vigil.soc.workbook.notebook.VisibilityCondition;
import dev.vigil.soc.workbook.notebook.WorkbookItem;
import dev.vigil.workspace.api.ResultTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Evaluates a workbook for a set of parameter values: parameters first, in order (a drop-down's
 * query runs then), then every visible query item at once, at most {@code parallelism} running
 * together so that one workbook does not take every place the query limits give its viewer.
 */
public final class WorkbookEvaluator {
    private final Executor executor;
    private final int parallelism;
    private final Clock clock;

    public WorkbookEvaluator(Executor executor, int parallelism, Clock clock) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.executor = executor;
        this.parallelism = parallelism;
        this.clock = clock;
    }

    /**
     * @param given parameter values by name, as JSON (text, an array for several values, a time range as
     *     {@link TimeRangeValue#read} takes it); a parameter not given takes its default
     */
    public WorkbookEvaluation evaluate(NotebookDocument document, Map<String, JsonNode> given, WorkbookQueries queries) {
        Instant now = clock.instant();
        ParameterResolver.Resolved resolved = ParameterResolver.resolve(document, given, queries, now);
        ParameterSubstitution substitution = new ParameterSubstitution(resolved.values(), now);
        List<Supplier<ItemResult>> pending = new ArrayList<>();
        walk(document.items(), 0, false, resolved, substitution, queries, pending);
        Semaphore places = new Semaphore(parallelism);
        List<CompletableFuture<ItemResult>> running = pending.stream().map(work -> CompletableFuture.supplyAsync(() -> {
            places.acquireUninterruptibly();
            try {
                return work.get();
            } finally {
                places.release();
            }
        }, executor)).toList();
        List<ItemResult> results = new ArrayList<>();
        for (CompletableFuture<ItemResult> result : running) {
            try {
                results.add(result.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        return new WorkbookEvaluation(List.copyOf(resolved.values().values()), results);
    }

    private void walk(List<WorkbookItem> items, int depth, boolean hidden, ParameterResolver.Resolved resolved, ParameterSubstitution substitution,
            WorkbookQueries queries, List<Supplier<ItemResult>> pending) {
        for (WorkbookItem item : items) {
            Optional<String> hiddenBy = hidden ? Optional.of("its group is hidden") : hiddenBy(item, resolved.values());
            if (hiddenBy.isPresent()) {
                ItemResult result = ItemResult.of(item, depth, ItemStatus.HIDDEN, hiddenBy.get());
                pending.add(() -> result);
            } else {
                ItemResult result = immediate(item, depth, resolved, substitution);
                if (result != null) {
                    pending.add(() -> result);
                } else {
                    QueryItem query = (QueryItem) item;
                    pending.add(() -> run(query, depth, resolved, substitution, queries));
                }
            }
            if (item instanceof GroupItem group) {
                walk(group.items(), depth + 1, hiddenBy.isPresent(), resolved, substitution, queries, pending);
            }
        }
    }

    /** The result of an item that runs no query, or null for a query to run. */
    private static ItemResult immediate(WorkbookItem item, int depth, ParameterResolver.Resolved resolved, ParameterSubstitution substitution) {
        Optional<String> notices = Optional.ofNullable(resolved.notices().get(item)).map(list -> String.join("; ", list));
        if (item instanceof TextItem text) {
            return new ItemResult(item, depth, ItemStatus.OK, Optional.empty(), List.of(), Optional.of(substitution.apply(text.markdown(), false)),
                    Optional.empty(), Optional.empty());
        }
        if (item instanceof ParametersItem || item instanceof LinksItem) {
            return ItemResult.of(item, depth, ItemStatus.OK, notices.orElse(null));
        }
        if (item instanceof GroupItem group) {
            return new ItemResult(item, depth, ItemStatus.OK, Optional.empty(), List.of(),
                    Optional.of(substitution.apply(group.title(), false)).filter(title -> !title.isEmpty()), Optional.empty(), Optional.empty());
        }
        if (item instanceof UnsupportedItem unsupported) {
            return ItemResult.of(item, depth, ItemStatus.UNSUPPORTED, unsupported.notice());
        }
        QueryItem query = (QueryItem) item;
        return query.unsupportedSource().map(reason -> ItemResult.of(item, depth, ItemStatus.UNSUPPORTED, reason)).orElse(null);
    }

    private static ItemResult run(QueryItem item, int depth, ParameterResolver.Resolved resolved, ParameterSubstitution substitution,
            WorkbookQueries queries) {
        Optional<String> title = Optional.of(substitution.apply(item.title(), false)).filter(text -> !text.isEmpty());
        Set<String> unset = substitution.unset(item.query());
        if (!unset.isEmpty()) {
            return new ItemResult(item, depth, ItemStatus.ERROR, Optional.of("The query waits for a value of the parameter"
                    + (unset.size() > 1 ? "s " : " ") + String.join(", ", unset) + "."), List.of(), title, Optional.empty(), Optional.empty());
        }
        String kql = substitution.apply(item.query(), true);
        Optional<String> timespan = item.timeContextFromParameter().map(resolved.values()::get).flatMap(ParameterValue::timeRange)
                .map(TimeRangeValue::timespan).or(() -> item.timeContext().map(Object::toString));
        try {
            ResultTable table = queries.run(kql, timespan);
            return new ItemResult(item, depth, ItemStatus.OK, Optional.empty(), List.of(table), title, Optional.of(kql), timespan);
        } catch (RuntimeException e) {
            return new ItemResult(item, depth, ItemStatus.ERROR, Optional.ofNullable(e.getMessage()), List.of(), title, Optional.of(kql), timespan);
        }
    }

    private static Optional<String> hiddenBy(WorkbookItem item, Map<String, ParameterValue> values) {
        for (VisibilityCondition condition : item.visibility()) {
            ParameterValue value = values.get(condition.parameterName());
            String actual = value == null ? "" : value.plain();
            boolean holds = switch (condition.comparison()) {
                case "isNotEqualTo" -> !actual.equals(condition.value());
                case "isEqualTo" -> actual.equals(condition.value());
                // a comparison Vigil does not know hides nothing: better an item too many than a missing one
                default -> true;
            };
            if (!holds) {
                return Optional.of("shown when " + condition.parameterName() + " " + condition.comparison() + " '" + condition.value() + "'; it is '"
                        + actual + "'");
            }
        }
        return Optional.empty();
    }
}
