package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundColumn;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether an operator's rows are known to be unique on a set of columns: no two rows agree on all
 * of them. Only cases that are cheap to see and certain count (a {@code summarize}/{@code distinct}
 * by a subset of the columns, and what merely drops, orders or carries its rows through); anything
 * else is "not known", which only costs a deduplication that was not needed.
 */
public final class UniqueKeys {
    private UniqueKeys() {
    }

    /** True when no two rows of {@code operator} have equal values in all of {@code columns}. */
    public static boolean uniqueOn(LogicalOperator operator, Set<String> columns) {
        return operator.accept(new PlanVisitor<Boolean>() {
            @Override
            public Boolean visit(Aggregate aggregate) {
                // one row per group; with no groups, at most one row
                return aggregate.groups().stream().allMatch(g -> columns.contains(g.name()));
            }

            @Override
            public Boolean visit(Filter filter) {
                return uniqueOn(filter.input(), columns);
            }

            @Override
            public Boolean visit(Limit limit) {
                return limit.count() <= 1 || uniqueOn(limit.input(), columns);
            }

            @Override
            public Boolean visit(Sort sort) {
                return uniqueOn(sort.input(), columns);
            }

            @Override
            public Boolean visit(TopN top) {
                return top.count() <= 1 || uniqueOn(top.input(), columns);
            }

            @Override
            public Boolean visit(Materialize materialize) {
                return uniqueOn(materialize.input(), columns);
            }

            @Override
            public Boolean visit(Sample sample) {
                return uniqueOn(sample.input(), columns);
            }

            @Override
            public Boolean visit(Project project) {
                return uniqueOn(project.input(), carriedFrom(project, columns));
            }

            // the operators below make or multiply rows in ways not worth proving unique: "not known"

            @Override
            public Boolean visit(TableScan scan) {
                return false;
            }

            @Override
            public Boolean visit(Values values) {
                return false;
            }

            @Override
            public Boolean visit(RangeSource range) {
                return false;
            }

            @Override
            public Boolean visit(Join join) {
                return false;
            }

            @Override
            public Boolean visit(Union union) {
                return false;
            }

            @Override
            public Boolean visit(MvExpand expand) {
                return false;
            }

            @Override
            public Boolean visit(Parse parse) {
                return false;
            }

            @Override
            public Boolean visit(MakeSeries series) {
                return false;
            }

            @Override
            public Boolean visit(MvApply apply) {
                return false;
            }

            @Override
            public Boolean visit(ApplyRow row) {
                return false;
            }

            @Override
            public Boolean visit(TopNested top) {
                return false;
            }

            @Override
            public Boolean visit(Pivot pivot) {
                return false;
            }

            @Override
            public Boolean visit(Scan scan) {
                return false;
            }

            @Override
            public Boolean visit(GraphMatch match) {
                return false;
            }

            @Override
            public Boolean visit(GraphToTable table) {
                return false;
            }

            @Override
            public Boolean visit(ShortestPaths paths) {
                return false;
            }
        });
    }

    /** The input columns that the project passes unchanged (perhaps renamed) into {@code columns}. */
    private static Set<String> carriedFrom(Project project, Set<String> columns) {
        Set<String> carried = new HashSet<>();
        for (OutputColumn column : project.columns()) {
            if (columns.contains(column.name()) && column.expression() instanceof BoundColumn source) {
                carried.add(source.name());
            }
        }
        return carried;
    }
}
