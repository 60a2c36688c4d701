package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundExpressionVisitor;
import dev.vigil.kql.bound.BoundIn;
import dev.vigil.kql.bound.BoundInSubquery;
import dev.vigil.kql.bound.BoundPathElements;
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
        return operator.accept(new PlanVisitor<List<LogicalOperator>>() {
            @Override
            public List<LogicalOperator> visit(TableScan scan) {
                return List.of();
            }

            @Override
            public List<LogicalOperator> visit(Filter filter) {
                return List.of(filter.input());
            }

            @Override
            public List<LogicalOperator> visit(Project project) {
                return List.of(project.input());
            }

            @Override
            public List<LogicalOperator> visit(Limit limit) {
                return List.of(limit.input());
            }

            @Override
            public List<LogicalOperator> visit(Aggregate aggregate) {
                return List.of(aggregate.input());
            }

            @Override
            public List<LogicalOperator> visit(Sort sort) {
                return List.of(sort.input());
            }

            @Override
            public List<LogicalOperator> visit(TopN top) {
                return List.of(top.input());
            }

            @Override
            public List<LogicalOperator> visit(Values values) {
                return List.of();
            }

            @Override
            public List<LogicalOperator> visit(RangeSource range) {
                return List.of();
            }

            @Override
            public List<LogicalOperator> visit(Join join) {
                return List.of(join.left(), join.right());
            }

            @Override
            public List<LogicalOperator> visit(Union union) {
                return union.legs();
            }

            @Override
            public List<LogicalOperator> visit(MvExpand expand) {
                return List.of(expand.input());
            }

            @Override
            public List<LogicalOperator> visit(Parse parse) {
                return List.of(parse.input());
            }

            @Override
            public List<LogicalOperator> visit(Materialize materialize) {
                return List.of(materialize.input());
            }

            @Override
            public List<LogicalOperator> visit(Sample sample) {
                return List.of(sample.input());
            }

            @Override
            public List<LogicalOperator> visit(MakeSeries series) {
                return List.of(series.input());
            }

            @Override
            public List<LogicalOperator> visit(MvApply apply) {
                return List.of(apply.input(), apply.subquery());
            }

            @Override
            public List<LogicalOperator> visit(ApplyRow row) {
                return List.of();
            }

            @Override
            public List<LogicalOperator> visit(TopNested top) {
                return List.of(top.input());
            }

            @Override
            public List<LogicalOperator> visit(Pivot pivot) {
                return List.of(pivot.input());
            }

            @Override
            public List<LogicalOperator> visit(Scan scan) {
                return List.of(scan.input());
            }

            @Override
            public List<LogicalOperator> visit(GraphMatch match) {
                return graphInputs(match.graph());
            }

            @Override
            public List<LogicalOperator> visit(GraphToTable table) {
                return graphInputs(table.graph());
            }

            @Override
            public List<LogicalOperator> visit(ShortestPaths paths) {
                return List.of(paths.input());
            }
        });
    }

    private static List<LogicalOperator> graphInputs(Graph graph) {
        List<LogicalOperator> inputs = new ArrayList<>();
        graph.edges().forEach(e -> {
            inputs.add(e.rows());
            e.mergedWith().ifPresent(m -> inputs.add(m.rows()));
        });
        graph.nodes().forEach(n -> inputs.add(n.rows()));
        return inputs;
    }

    private String describe(LogicalOperator operator) {
        return operator.accept(new PlanVisitor<String>() {
            @Override
            public String visit(TableScan scan) {
                return "TableScan " + scan.table().name()
                        + scan.ingestion().map(r -> " ingestion batches (" + r.after() + ", " + r.upTo() + "]").orElse("");
            }

            @Override
            public String visit(Filter filter) {
                return "Filter " + expression(filter.predicate());
            }

            @Override
            public String visit(Project project) {
                return "Project " + outputs(project.columns());
            }

            @Override
            public String visit(Limit limit) {
                return "Limit " + limit.count();
            }

            @Override
            public String visit(Aggregate aggregate) {
                return "Aggregate " + outputs(aggregate.aggregates()) + " by " + outputs(aggregate.groups());
            }

            @Override
            public String visit(Sort sort) {
                return "Sort " + orders(sort.keys());
            }

            @Override
            public String visit(TopN top) {
                return "TopN " + top.count() + " by " + orders(top.keys());
            }

            @Override
            public String visit(Values values) {
                return "Values " + values.rows().size() + " rows";
            }

            @Override
            public String visit(RangeSource range) {
                return "Range " + range.name() + " from " + expression(range.from()) + " to " + expression(range.to())
                        + " step " + expression(range.step());
            }

            @Override
            public String visit(Join join) {
                List<String> conditions = new ArrayList<>(join.keys().stream().map(k -> k.left() + " == " + k.right()).toList());
                join.addressMatch().ifPresent(m -> conditions.add(m.test().name() + "(" + m.left() + ", " + m.right() + ")"));
                return "Join " + join.kind().kqlName() + " on " + String.join(", ", conditions);
            }

            @Override
            public String visit(Union union) {
                return "Union" + union.sourceColumn().map(s -> " withsource=" + s).orElse("");
            }

            @Override
            public String visit(MvExpand expand) {
                return "MvExpand " + expand.expansions().stream().map(e -> e.name() + " = " + expression(e.source()))
                        .collect(Collectors.joining(", ")) + expand.limit().map(l -> " limit " + l).orElse("");
            }

            @Override
            public String visit(Parse parse) {
                return (parse.filtering() ? "ParseWhere " : "Parse ") + expression(parse.source()) + " regex '" + parse.regex() + "'";
            }

            @Override
            public String visit(Materialize materialize) {
                return "Materialize";
            }

            @Override
            public String visit(Sample sample) {
                return "Sample " + sample.count();
            }

            @Override
            public String visit(MakeSeries series) {
                return "MakeSeries " + (series.nonEmpty() ? "kind=nonempty " : "") + series.aggregates().stream().map(a -> a.name() + " = " + expression(a.aggregate())
                        + " default " + expression(a.defaultValue())).collect(Collectors.joining(", "))
                        + " on " + expression(series.axis()) + series.from().map(f -> " from " + expression(f)).orElse("")
                        + series.to().map(t -> " to " + expression(t)).orElse("") + " step " + expression(series.step())
                        + " by " + outputs(series.groups());
            }

            @Override
            public String visit(MvApply apply) {
                return "MvApply keeping " + apply.kept();
            }

            @Override
            public String visit(ApplyRow row) {
                return "ApplyRow";
            }

            @Override
            public String visit(TopNested top) {
                return "TopNested " + top.levels().stream().map(l -> l.count().map(String::valueOf).orElse("all") + " of " + l.keyName()
                        + " by " + l.aggregateName() + " = " + expression(l.aggregate()) + (l.ascending() ? " asc" : " desc"))
                        .collect(Collectors.joining(", "));
            }

            @Override
            public String visit(Pivot pivot) {
                return "Pivot " + expression(pivot.key()) + " using " + expression(pivot.aggregate()) + " by "
                        + pivot.groups().stream().map(ColumnSchema::name).toList();
            }

            @Override
            public String visit(Scan scan) {
                return "Scan declare " + outputs(scan.declared()) + scan.matchId().map(m -> " match id " + m).orElse("") + " steps "
                        + scan.rules().stream().map(r -> r.name() + (r.output() == ScanOutput.ALL ? "" : " (output=" + r.output().name().toLowerCase(java.util.Locale.ROOT) + ")") + ": " + expression(r.stay()))
                        .collect(Collectors.joining("; "));
            }

            @Override
            public String visit(GraphMatch match) {
                List<String> edges = new ArrayList<>();
                for (GraphMatch.MatchEdge edge : match.edges()) {
                    edges.add(node(match, edge.left()) + " " + edge.direction().name().toLowerCase(java.util.Locale.ROOT) + " "
                            + edge.variable().orElse("_") + (edge.variableLength() ? "*" + edge.min() + ".." + edge.max() : "")
                            + edge.elementFilter().map(f -> " each " + expression(f)).orElse("") + " " + node(match, edge.right()));
                }
                return "GraphMatch cycles=" + match.cycles().name().toLowerCase(java.util.Locale.ROOT)
                        + match.ends().map(e -> " ends " + node(match, e.first()) + ".." + node(match, e.last())).orElse("") + " " + graph(match.graph())
                        + " [" + String.join("; ", edges) + "]";
            }

            @Override
            public String visit(GraphToTable table) {
                return "GraphToTable " + (table.nodes() ? "nodes" : "edges") + " " + graph(table.graph());
            }

            @Override
            public String visit(ShortestPaths paths) {
                return "ShortestPaths output=" + (paths.all() ? "all" : "any");
            }
        });
    }

    private static String node(GraphMatch match, int index) {
        return "(" + match.nodes().get(index).variable().orElse("_" + index) + ")";
    }

    private static String graph(Graph graph) {
        return "graph(edges " + graph.edges().stream().map(e -> e.source() + " --> " + e.target()).collect(Collectors.joining(", "))
                + (graph.nodes().isEmpty() ? "" : "; nodes on " + graph.nodes().stream().map(Graph.GraphNodes::id).collect(Collectors.joining(", ")))
                + ")";
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
        return expression.accept(new BoundExpressionVisitor<String>() {
            @Override
            public String visit(BoundColumn column) {
                return column.name() + ":" + column.type().kqlName();
            }

            @Override
            public String visit(BoundLiteral literal) {
                return KqlLiteralText.of(literal) + ":" + literal.type().kqlName();
            }

            @Override
            public String visit(BoundCall call) {
                List<String> arguments = new ArrayList<>();
                call.arguments().forEach(a -> arguments.add(expression(a)));
                return call.function().name() + "(" + String.join(", ", arguments) + "):" + call.type().kqlName();
            }

            @Override
            public String visit(BoundIn in) {
                return (in.negated() ? "!in(" : "in(") + expression(in.value()) + ", ["
                        + in.candidates().stream().map(PlanPrinter.this::expression).collect(Collectors.joining(", ")) + "]):bool";
            }

            @Override
            public String visit(BoundScalarSubquery subquery) {
                return "toscalar(#" + subqueryId((LogicalOperator) subquery.table()) + "." + subquery.column() + "):" + subquery.type().kqlName();
            }

            @Override
            public String visit(BoundInSubquery in) {
                return (in.negated() ? "!in(" : "in(") + expression(in.value()) + ", #" + subqueryId((LogicalOperator) in.table())
                        + "." + in.column() + "):bool";
            }

            @Override
            public String visit(BoundPathElements elements) {
                return elements.combination().name().toLowerCase(java.util.Locale.ROOT) + "(" + elements.list() + ", "
                        + expression(elements.element()) + "):" + elements.type().kqlName();
            }
        });
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
