package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundIn;
import dev.vigil.kql.bound.BoundInSubquery;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.bound.BoundScalarSubquery;
import dev.vigil.kql.catalog.ColumnSchema;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints a bound plan as an indented tree, one operator a line with its output columns and types,
 * inputs indented below. A plan used twice (a {@code let} table) is printed once and referred to
 * as {@code #n} afterwards.
 */
public final class PlanPrinter {
    private final StringBuilder text = new StringBuilder();
    private final Map<LogicalOperator, Integer> printed = new IdentityHashMap<>();
    private final List<LogicalOperator> pendingSubqueries = new ArrayList<>();

    private PlanPrinter() {
    }

    public static String print(LogicalOperator plan) {
        PlanPrinter printer = new PlanPrinter();
        printer.operator(plan, 0);
        return printer.text.toString();
    }

    private void operator(LogicalOperator operator, int depth) {
        String indent = "  ".repeat(depth);
        Integer seen = printed.get(operator);
        if (seen != null) {
            text.append(indent).append("#").append(seen).append(" (shown above)\n");
            return;
        }
        int id = printed.size() + 1;
        printed.put(operator, id);
        String description = describe(operator);
        text.append(indent).append('#').append(id).append(' ').append(description)
                .append(" -> (").append(columns(operator.schema())).append(")\n");
        List<LogicalOperator> subqueries = List.copyOf(pendingSubqueries);
        pendingSubqueries.clear();
        for (LogicalOperator subquery : subqueries) {
            text.append(indent).append("  subquery:\n");
            operator(subquery, depth + 2);
        }
        for (LogicalOperator input : inputs(operator)) {
            operator(input, depth + 1);
        }
    }

    private static List<LogicalOperator> inputs(LogicalOperator operator) {
        if (operator instanceof Filter f) {
            return List.of(f.input());
        }
        if (operator instanceof Project p) {
            return List.of(p.input());
        }
        if (operator instanceof Limit l) {
            return List.of(l.input());
        }
        if (operator instanceof Aggregate a) {
            return List.of(a.input());
        }
        if (operator instanceof Sort s) {
            return List.of(s.input());
        }
        if (operator instanceof TopN t) {
            return List.of(t.input());
        }
        if (operator instanceof Join j) {
            return List.of(j.left(), j.right());
        }
        if (operator instanceof Union u) {
            return u.legs();
        }
        if (operator instanceof MvExpand m) {
            return List.of(m.input());
        }
        if (operator instanceof Parse p) {
            return List.of(p.input());
        }
        if (operator instanceof Materialize m) {
            return List.of(m.input());
        }
        if (operator instanceof Sample s) {
            return List.of(s.input());
        }
        if (operator instanceof MakeSeries m) {
            return List.of(m.input());
        }
        if (operator instanceof Pivot p) {
            return List.of(p.input());
        }
        if (operator instanceof TopNested t) {
            return List.of(t.input());
        }
        if (operator instanceof MvApply a) {
            return List.of(a.input(), a.subquery());
        }
        return List.of();
    }

    private String describe(LogicalOperator operator) {
        if (operator instanceof TableScan scan) {
            return "TableScan " + scan.table().name()
                    + scan.ingestion().map(r -> " ingestion batches (" + r.after() + ", " + r.upTo() + "]").orElse("");
        }
        if (operator instanceof Filter filter) {
            return "Filter " + expression(filter.predicate());
        }
        if (operator instanceof Project project) {
            return "Project " + outputs(project.columns());
        }
        if (operator instanceof Limit limit) {
            return "Limit " + limit.count();
        }
        if (operator instanceof Aggregate aggregate) {
            return "Aggregate " + outputs(aggregate.aggregates()) + " by " + outputs(aggregate.groups());
        }
        if (operator instanceof Sort sort) {
            return "Sort " + orders(sort.keys());
        }
        if (operator instanceof TopN top) {
            return "TopN " + top.count() + " by " + orders(top.keys());
        }
        if (operator instanceof Values values) {
            return "Values " + values.rows().size() + " rows";
        }
        if (operator instanceof RangeSource range) {
            return "Range " + range.name() + " from " + expression(range.from()) + " to " + expression(range.to())
                    + " step " + expression(range.step());
        }
        if (operator instanceof Join join) {
            return "Join " + join.kind().kqlName() + " on "
                    + join.keys().stream().map(k -> k.left() + " == " + k.right()).collect(Collectors.joining(", "));
        }
        if (operator instanceof Union union) {
            return "Union" + union.sourceColumn().map(s -> " withsource=" + s).orElse("");
        }
        if (operator instanceof MvExpand expand) {
            return "MvExpand " + expand.expansions().stream().map(e -> e.name() + " = " + expression(e.source()))
                    .collect(Collectors.joining(", ")) + expand.limit().map(l -> " limit " + l).orElse("");
        }
        if (operator instanceof Parse parse) {
            return (parse.filtering() ? "ParseWhere " : "Parse ") + expression(parse.source()) + " regex '" + parse.regex() + "'";
        }
        if (operator instanceof Materialize) {
            return "Materialize";
        }
        if (operator instanceof Sample sample) {
            return "Sample " + sample.count();
        }
        if (operator instanceof Pivot pivot) {
            return "Pivot " + expression(pivot.key()) + " using " + expression(pivot.aggregate()) + " by "
                    + pivot.groups().stream().map(ColumnSchema::name).toList();
        }
        if (operator instanceof TopNested top) {
            return "TopNested " + top.levels().stream().map(l -> l.count().map(String::valueOf).orElse("all") + " of " + l.keyName()
                    + " by " + l.aggregateName() + " = " + expression(l.aggregate()) + (l.ascending() ? " asc" : " desc"))
                    .collect(Collectors.joining(", "));
        }
        if (operator instanceof MvApply apply) {
            return "MvApply keeping " + apply.kept();
        }
        if (operator instanceof ApplyRow) {
            return "ApplyRow";
        }
        if (operator instanceof MakeSeries series) {
            return "MakeSeries " + series.aggregates().stream().map(a -> a.name() + " = " + expression(a.aggregate())
                    + " default " + expression(a.defaultValue())).collect(Collectors.joining(", "))
                    + " on " + expression(series.axis()) + series.from().map(f -> " from " + expression(f)).orElse("")
                    + series.to().map(t -> " to " + expression(t)).orElse("") + " step " + expression(series.step())
                    + " by " + outputs(series.groups());
        }
        return operator.getClass().getSimpleName();
    }

    private String outputs(List<OutputColumn> columns) {
        return "[" + columns.stream().map(c -> c.name() + " = " + expression(c.expression())).collect(Collectors.joining(", ")) + "]";
    }

    private String orders(List<SortOrder> keys) {
        return keys.stream().map(k -> expression(k.expression()) + (k.descending() ? " desc" : " asc")
                + (k.nullsFirst() ? " nulls first" : " nulls last")).collect(Collectors.joining(", "));
    }

    private static String columns(List<ColumnSchema> columns) {
        return columns.stream().map(c -> c.name() + ":" + c.type().kqlName()).collect(Collectors.joining(", "));
    }

    /** An expression with its type, e.g. {@code (Id:long > 5:long):bool}. */
    private String expression(BoundExpression expression) {
        if (expression instanceof BoundColumn column) {
            return column.name() + ":" + column.type().kqlName();
        }
        if (expression instanceof BoundLiteral literal) {
            return KqlLiteralText.of(literal) + ":" + literal.type().kqlName();
        }
        if (expression instanceof BoundCall call) {
            List<String> arguments = new ArrayList<>();
            call.arguments().forEach(a -> arguments.add(expression(a)));
            return call.function().name() + "(" + String.join(", ", arguments) + "):" + call.type().kqlName();
        }
        if (expression instanceof BoundIn in) {
            return (in.negated() ? "!in(" : "in(") + expression(in.value()) + ", ["
                    + in.candidates().stream().map(this::expression).collect(Collectors.joining(", ")) + "]):bool";
        }
        if (expression instanceof BoundScalarSubquery subquery) {
            return "toscalar(#" + subqueryId((LogicalOperator) subquery.table()) + "." + subquery.column() + "):" + subquery.type().kqlName();
        }
        if (expression instanceof BoundInSubquery in) {
            return (in.negated() ? "!in(" : "in(") + expression(in.value()) + ", #" + subqueryId((LogicalOperator) in.table())
                    + "." + in.column() + "):bool";
        }
        return expression.getClass().getSimpleName() + ":" + expression.type().kqlName();
    }

    /** Subqueries are printed under the operator that uses them; until then they are numbered by reservation. */
    private int subqueryId(LogicalOperator plan) {
        Integer seen = printed.get(plan);
        if (seen != null) {
            return seen;
        }
        int position = pendingSubqueries.indexOf(plan);
        if (position < 0) {
            pendingSubqueries.add(plan);
            position = pendingSubqueries.size() - 1;
        }
        return printed.size() + 1 + position;
    }
}
