package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/** {@code graph-shortest-paths [output = any|all] Pattern [where Constraints] project Columns}. */
public record GraphShortestPathsOperator(Optional<Identifier> output, List<PatternSequence> pattern, Optional<Expression> where,
                                         List<ColumnAssignment> project, Span span) implements QueryOperator {
    public GraphShortestPathsOperator {
        pattern = List.copyOf(pattern);
        project = List.copyOf(project);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
