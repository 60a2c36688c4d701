package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/** {@code graph-match [cycles = Option] Pattern [where Constraints] project Columns}. */
public record GraphMatchOperator(Optional<Identifier> cycles, List<PatternSequence> pattern, Optional<Expression> where,
                                 List<ColumnAssignment> project, Span span) implements QueryOperator {
    public GraphMatchOperator {
        pattern = List.copyOf(pattern);
        project = List.copyOf(project);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
