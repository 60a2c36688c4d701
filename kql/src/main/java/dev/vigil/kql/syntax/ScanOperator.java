package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/** {@code scan [with_match_id = Name] [declare (Columns)] with (Steps)}. */
public record ScanOperator(Optional<Identifier> matchId, List<ScanDeclaration> declarations, List<ScanStep> steps, Span span)
        implements QueryOperator {
    public ScanOperator {
        declarations = List.copyOf(declarations);
        steps = List.copyOf(steps);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
