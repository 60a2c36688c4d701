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
        if (operator instanceof Aggregate aggregate) {
            // one row per group; with no groups, at most one row
            return aggregate.groups().stream().allMatch(g -> columns.contains(g.name()));
        }
        if (operator instanceof Filter filter) {
            return uniqueOn(filter.input(), columns);
        }
        if (operator instanceof Limit limit) {
            return limit.count() <= 1 || uniqueOn(limit.input(), columns);
        }
        if (operator instanceof Sort sort) {
            return uniqueOn(sort.input(), columns);
        }
        if (operator instanceof TopN top) {
            return top.count() <= 1 || uniqueOn(top.input(), columns);
        }
        if (operator instanceof Materialize materialize) {
            return uniqueOn(materialize.input(), columns);
        }
        if (operator instanceof Sample sample) {
            return uniqueOn(sample.input(), columns);
        }
        if (operator instanceof Project project) {
            return uniqueOn(project.input(), carriedFrom(project, columns));
        }
        return false;
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
