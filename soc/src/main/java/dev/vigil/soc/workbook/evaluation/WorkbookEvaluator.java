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
     * Evaluates every item.
     *
     * @param given parameter values by name, as JSON (text, an array for several values, a time range as
     *     {@link TimeRangeValue#read} takes it); a parameter not given takes its default
     */
    public WorkbookEvaluation evaluate(NotebookDocument document, Map<String, JsonNode> given, WorkbookQueries queries) {
        return evaluate(document, given, Optional.empty(), queries);
    }

    /**
     * Evaluates again, after a change of the {@code changed} parameters, only the items that depend
     * on them ({@link ParameterDependencies}); the answer holds those items alone, and the others'
     * queries do not run. A drop-down whose query the change does not touch takes the options
     * {@link WorkbookQueries#recall} kept from before, if any.
     *
     * @param given every parameter value, as for {@link #evaluate(NotebookDocument, Map, WorkbookQueries)}
     */
    public WorkbookEvaluation reevaluate(NotebookDocument document, Map<String, JsonNode> given, Set<String> changed, WorkbookQueries queries) {
        ParameterResolver.checkKnown(document.flattened(), changed, "changed.");
        return evaluate(document, given, Optional.of(changed), queries);
    }

    private WorkbookEvaluation evaluate(NotebookDocument document, Map<String, JsonNode> given, Optional<Set<String>> changed,
            WorkbookQueries queries) {
        Instant now = clock.instant();
        ParameterDependencies dependencies = ParameterDependencies.of(document);
        Optional<Set<String>> touched = changed.map(dependencies::touched);
        ParameterResolver.Resolved resolved = ParameterResolver.resolve(document, given, queries, now, touched.map(dependencies::requeried));
        ParameterSubstitution substitution = new ParameterSubstitution(resolved.values(), now);
        Optional<Set<WorkbookItem>> affected = touched.map(dependencies::affected);
        List<Supplier<ItemResult>> pending = new ArrayList<>();
        new Walk(resolved, substitution, queries, affected, pending).items(document.items(), 0, false);
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

    /**
     * One pass over the items in document order, numbering them as {@link NotebookDocument#flattened()}
     * does, that lists the work of each item to evaluate: all of them, or the {@code affected} ones.
     */
    private static final class Walk {
        private final ParameterResolver.Resolved resolved;
        private final ParameterSubstitution substitution;
        private final WorkbookQueries queries;
        private final Optional<Set<WorkbookItem>> affected;
        private final List<Supplier<ItemResult>> pending;
        private int position;

        Walk(ParameterResolver.Resolved resolved, ParameterSubstitution substitution, WorkbookQueries queries, Optional<Set<WorkbookItem>> affected,
                List<Supplier<ItemResult>> pending) {
            this.resolved = resolved;
            this.substitution = substitution;
            this.queries = queries;
            this.affected = affected;
            this.pending = pending;
        }

        void items(List<WorkbookItem> items, int depth, boolean hidden) {
            for (WorkbookItem item : items) {
                int at = position++;
                Optional<String> hiddenBy = hidden ? Optional.of("its group is hidden") : hiddenBy(item, resolved.values());
                if (affected.map(set -> set.contains(item)).orElse(true)) {
                    pending.add(work(item, at, depth, hiddenBy));
                }
                if (item instanceof GroupItem group) {
                    items(group.items(), depth + 1, hiddenBy.isPresent());
                }
            }
        }

        private Supplier<ItemResult> work(WorkbookItem item, int at, int depth, Optional<String> hiddenBy) {
            if (hiddenBy.isPresent()) {
                ItemResult result = ItemResult.of(item, at, depth, ItemStatus.HIDDEN, hiddenBy.get());
                return () -> result;
            }
            ItemResult result = immediate(item, at, depth, resolved, substitution);
            if (result != null) {
                return () -> result;
            }
            return () -> run((QueryItem) item, at, depth, resolved, substitution, queries);
        }
    }

    /** The result of an item that runs no query, or null for a query to run. */
    private static ItemResult immediate(WorkbookItem item, int at, int depth, ParameterResolver.Resolved resolved, ParameterSubstitution substitution) {
        Optional<String> notices = Optional.ofNullable(resolved.notices().get(item)).map(list -> String.join("; ", list));
        if (item instanceof TextItem text) {
            return new ItemResult(item, at, depth, ItemStatus.OK, Optional.empty(), List.of(), Optional.of(substitution.apply(text.markdown(), false)),
                    Optional.empty(), Optional.empty());
        }
        if (item instanceof ParametersItem || item instanceof LinksItem) {
            return ItemResult.of(item, at, depth, ItemStatus.OK, notices.orElse(null));
        }
        if (item instanceof GroupItem group) {
            return new ItemResult(item, at, depth, ItemStatus.OK, Optional.empty(), List.of(),
                    Optional.of(substitution.apply(group.title(), false)).filter(title -> !title.isEmpty()), Optional.empty(), Optional.empty());
        }
        if (item instanceof UnsupportedItem unsupported) {
            return ItemResult.of(item, at, depth, ItemStatus.UNSUPPORTED, unsupported.notice());
        }
        QueryItem query = (QueryItem) item;
        return query.unsupportedSource().map(reason -> ItemResult.of(item, at, depth, ItemStatus.UNSUPPORTED, reason)).orElse(null);
    }

    private static ItemResult run(QueryItem item, int at, int depth, ParameterResolver.Resolved resolved, ParameterSubstitution substitution,
            WorkbookQueries queries) {
        Optional<String> title = Optional.of(substitution.apply(item.title(), false)).filter(text -> !text.isEmpty());
        Set<String> unset = substitution.unset(item.query());
        if (!unset.isEmpty()) {
            return new ItemResult(item, at, depth, ItemStatus.ERROR, Optional.of("The query waits for a value of the parameter"
                    + (unset.size() > 1 ? "s " : " ") + String.join(", ", unset) + "."), List.of(), title, Optional.empty(), Optional.empty());
        }
        String kql = substitution.apply(item.query(), true);
        Optional<String> timespan = item.timeContextFromParameter().map(resolved.values()::get).flatMap(ParameterValue::timeRange)
                .map(TimeRangeValue::timespan).or(() -> item.timeContext().map(Object::toString));
        try {
            ResultTable table = queries.run(kql, timespan);
            return new ItemResult(item, at, depth, ItemStatus.OK, Optional.empty(), List.of(table), title, Optional.of(kql), timespan);
        } catch (RuntimeException e) {
            return new ItemResult(item, at, depth, ItemStatus.ERROR, Optional.ofNullable(e.getMessage()), List.of(), title, Optional.of(kql), timespan);
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
