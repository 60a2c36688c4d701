package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.functions.Signature;
import dev.vigil.kql.plan.Filter;
import dev.vigil.kql.plan.Join;
import dev.vigil.kql.plan.JoinColumn;
import dev.vigil.kql.plan.JoinKind;
import dev.vigil.kql.plan.Limit;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Parse;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.plan.Sample;
import dev.vigil.kql.plan.Sort;
import dev.vigil.kql.plan.TableScan;
import dev.vigil.kql.plan.TopN;
import dev.vigil.kql.plan.Union;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code ingestion_time()}: when each row was ingested, which the store keeps in a hidden column
 * of every stored table. Kusto carries that column along with the row, through the operators that
 * keep rows as they are ({@code where}, {@code take}, {@code sort}, {@code top}, {@code sample},
 * {@code extend}, {@code project}, {@code parse}), through {@code union} (each row its own table's) and
 * {@code join} (the row of the side whose rows it keeps: the left's for inner, left outer and left
 * semi and anti joins, the right's for right outer and right semi and anti ones, either's for a
 * full outer one). A row that {@code summarize} (or any other operator) makes has none: null, as is
 * a row of a table without storage or one stored before the store kept the time. Aggregates read
 * it over their input's rows ({@code summarize max(ingestion_time()) by Computer}).
 *
 * <p>The column is read only when a query asks: an operator that calls {@code ingestion_time()}
 * and finds no such column in its input is bound again over the input rebuilt to carry it down
 * from the scans ({@link #widened}), and the operator's result drops it again.
 */
final class IngestionTimeCall {
    static final String NAME = "ingestion_time";
    /** The two sides' ingestion times of a full outer join, before they become one; no KQL column can be named so. */
    private static final String LEFT_INGESTION_TIME = TableScan.INGESTION_TIME + "Left";
    private static final String RIGHT_INGESTION_TIME = TableScan.INGESTION_TIME + "Right";

    private IngestionTimeCall() {
    }

    static BoundExpression bind(FunctionCall call, Scope scope) {
        if (!call.arguments().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount(NAME, List.of(0)), call.span());
        }
        Optional<BoundExpression> hidden = scope.lookup(TableScan.INGESTION_TIME);
        if (hidden.isPresent()) {
            return hidden.get();
        }
        scope.environment().context().ingestionTimeMissed();
        return new BoundLiteral(Optional.empty(), KqlType.DATETIME);
    }

    /**
     * Binds an operator over {@code input}; when it called {@code ingestion_time()} and the input's
     * rows carry an ingestion time, binds it again over the input rebuilt to give it, which is then
     * dropped from the operator's result.
     */
    static LogicalOperator bindOver(LogicalOperator input, Environment environment, UnaryOperator<LogicalOperator> operator) {
        QueryContext context = environment.context();
        int missesBefore = context.ingestionTimeMisses();
        LogicalOperator plain;
        try {
            plain = operator.apply(input);
        } catch (DiagnosticException e) {
            // bound with a null ingestion time the operator may not bind at all (arg_max(ingestion_time(), *)): try it with the real one
            Optional<LogicalOperator> widened = context.ingestionTimeMisses() == missesBefore ? Optional.empty() : widenedInput(input, context);
            if (widened.isEmpty()) {
                throw e;
            }
            return withoutIngestionTime(operator.apply(widened.get()));
        }
        if (context.ingestionTimeMisses() == missesBefore) {
            return plain;
        }
        Optional<LogicalOperator> widened = widenedInput(input, context);
        return widened.isEmpty() ? plain : withoutIngestionTime(operator.apply(widened.get()));
    }

    private static Optional<LogicalOperator> widenedInput(LogicalOperator input, QueryContext context) {
        return context.ingestionTimeColumn().flatMap(column -> widened(input, column));
    }

    /** The operator's result without the ingestion time it carried for the operator's own use. */
    private static LogicalOperator withoutIngestionTime(LogicalOperator bound) {
        if (bound.schema().stream().noneMatch(column -> column.name().equals(TableScan.INGESTION_TIME))) {
            return bound;
        }
        return new Project(bound, bound.schema().stream()
                .filter(column -> !column.name().equals(TableScan.INGESTION_TIME))
                .map(column -> new OutputColumn(column.name(), new BoundColumn(column.name(), column.type())))
                .toList());
    }

    /** The plan with the ingestion time as its last column, where its rows carry one; empty where none does. */
    private static Optional<LogicalOperator> widened(LogicalOperator plan, String column) {
        if (plan.schema().stream().anyMatch(c -> c.name().equals(TableScan.INGESTION_TIME))) {
            return Optional.of(plan);
        }
        if (plan instanceof TableScan scan) {
            return scan.table().hasStorage() ? Optional.of(new TableScan(scan.table(), scan.ingestion(), Optional.of(column))) : Optional.empty();
        }
        if (plan instanceof Filter filter) {
            return widened(filter.input(), column).map(input -> new Filter(input, filter.predicate()));
        }
        if (plan instanceof Limit limit) {
            return widened(limit.input(), column).map(input -> new Limit(input, limit.count()));
        }
        if (plan instanceof Sort sort) {
            return widened(sort.input(), column).map(input -> new Sort(input, sort.keys()));
        }
        if (plan instanceof TopN top) {
            return widened(top.input(), column).map(input -> new TopN(input, top.count(), top.keys()));
        }
        if (plan instanceof Sample sample) {
            return widened(sample.input(), column).map(input -> new Sample(input, sample.count()));
        }
        if (plan instanceof Project project) {
            if (dropsIngestionTimeOnly(project)) {
                // an earlier operator read the ingestion time and dropped it again: read it from there
                return Optional.of(project.input());
            }
            return widened(project.input(), column).map(input -> new Project(input, withIngestionTime(project.columns())));
        }
        if (plan instanceof Parse parse) {
            List<ColumnSchema> columns = new ArrayList<>(parse.columns());
            columns.add(new ColumnSchema(TableScan.INGESTION_TIME, KqlType.DATETIME));
            return widened(parse.input(), column)
                    .map(input -> new Parse(input, parse.source(), parse.regex(), parse.captures(), parse.filtering(), columns));
        }
        if (plan instanceof Union union) {
            return widenedUnion(union, column);
        }
        if (plan instanceof Join join) {
            return widenedJoin(join, column);
        }
        return Optional.empty();
    }

    private static List<OutputColumn> withIngestionTime(List<OutputColumn> columns) {
        List<OutputColumn> widened = new ArrayList<>(columns);
        widened.add(new OutputColumn(TableScan.INGESTION_TIME, new BoundColumn(TableScan.INGESTION_TIME, KqlType.DATETIME)));
        return widened;
    }

    /** Each leg's rows with their own table's ingestion time; a leg whose rows have none gives null. */
    private static Optional<LogicalOperator> widenedUnion(Union union, String column) {
        List<LogicalOperator> legs = new ArrayList<>();
        List<List<Optional<String>>> sources = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < union.legs().size(); i++) {
            Optional<LogicalOperator> leg = widened(union.legs().get(i), column);
            any |= leg.isPresent();
            legs.add(leg.orElse(union.legs().get(i)));
            List<Optional<String>> legSources = new ArrayList<>(union.sources().get(i));
            legSources.add(leg.map(l -> TableScan.INGESTION_TIME));
            sources.add(legSources);
        }
        if (!any) {
            return Optional.empty();
        }
        List<ColumnSchema> columns = new ArrayList<>(union.columns());
        columns.add(new ColumnSchema(TableScan.INGESTION_TIME, KqlType.DATETIME));
        return Optional.of(new Union(legs, union.legNames(), columns, sources, union.sourceColumn()));
    }

    /** A joined row's ingestion time is that of the side whose rows the join keeps; a full outer join's, either's. */
    private static Optional<LogicalOperator> widenedJoin(Join join, String column) {
        JoinKind kind = join.kind();
        boolean leftRows = kind != JoinKind.RIGHTSEMI && kind != JoinKind.RIGHTANTI && kind != JoinKind.RIGHTOUTER;
        boolean rightRows = kind == JoinKind.RIGHTSEMI || kind == JoinKind.RIGHTANTI || kind == JoinKind.RIGHTOUTER || kind == JoinKind.FULLOUTER;
        Optional<LogicalOperator> left = leftRows ? widened(join.left(), column) : Optional.empty();
        Optional<LogicalOperator> right = rightRows ? widened(join.right(), column) : Optional.empty();
        if (left.isEmpty() && right.isEmpty()) {
            return Optional.empty();
        }
        List<JoinColumn> columns = new ArrayList<>(join.columns());
        if (left.isPresent() && right.isPresent()) {
            columns.add(new JoinColumn(true, TableScan.INGESTION_TIME, LEFT_INGESTION_TIME, KqlType.DATETIME));
            columns.add(new JoinColumn(false, TableScan.INGESTION_TIME, RIGHT_INGESTION_TIME, KqlType.DATETIME));
            Join both = new Join(left.get(), right.get(), kind, join.keys(), columns, join.addressMatch());
            FunctionDeclaration coalesce = FunctionRegistry.function("coalesce").orElseThrow();
            Signature signature = OverloadResolver.resolve(coalesce.signatures(), List.of(KqlType.DATETIME, KqlType.DATETIME)).orElseThrow();
            List<OutputColumn> output = new ArrayList<>(join.schema().stream()
                    .map(c -> new OutputColumn(c.name(), new BoundColumn(c.name(), c.type()))).toList());
            output.add(new OutputColumn(TableScan.INGESTION_TIME, new BoundCall(coalesce, signature,
                    List.of(new BoundColumn(LEFT_INGESTION_TIME, KqlType.DATETIME), new BoundColumn(RIGHT_INGESTION_TIME, KqlType.DATETIME)))));
            return Optional.of(new Project(both, output));
        }
        columns.add(new JoinColumn(left.isPresent(), TableScan.INGESTION_TIME, TableScan.INGESTION_TIME, KqlType.DATETIME));
        return Optional.of(new Join(left.orElse(join.left()), right.orElse(join.right()), kind, join.keys(), columns, join.addressMatch()));
    }

    /** Whether this is the projection {@link #bindOver} adds: the input's columns but the ingestion time, unchanged. */
    private static boolean dropsIngestionTimeOnly(Project project) {
        List<String> kept = project.input().schema().stream().map(ColumnSchema::name)
                .filter(name -> !name.equals(TableScan.INGESTION_TIME)).toList();
        return kept.size() == project.input().schema().size() - 1
                && project.columns().stream().map(OutputColumn::name).toList().equals(kept)
                && project.columns().stream().allMatch(c -> c.expression() instanceof BoundColumn bound && bound.name().equals(c.name()));
    }
}
