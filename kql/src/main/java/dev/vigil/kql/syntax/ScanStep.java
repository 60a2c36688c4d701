package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/**
 * {@code step Name [output = all|last|none] : Condition [=> Column = Expression, ...];} of {@code scan}.
 *
 * @param output the output mode as written; empty means all
 */
public record ScanStep(Identifier name, Optional<Identifier> output, Expression condition, List<ColumnAssignment> assignments, Span span) {
    public ScanStep {
        assignments = List.copyOf(assignments);
    }
}
