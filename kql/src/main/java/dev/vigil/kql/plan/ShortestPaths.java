package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/**
 * {@code graph-shortest-paths}: of the matches of its input (a {@link GraphMatch} with path ends, filtered), those of
 * the fewest edges for each pair of first and last node; one of them per pair unless {@code all}.
 */
public record ShortestPaths(LogicalOperator input, boolean all) implements LogicalOperator {
    @Override
    public List<ColumnSchema> schema() {
        return input.schema();
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
