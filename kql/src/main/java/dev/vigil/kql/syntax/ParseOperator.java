package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/**
 * {@code parse} and {@code parse-where}: {@code [kind=simple|relaxed|regex] [flags=...] expression with pattern}.
 *
 * @param filtering {@code parse-where}: rows that do not match are dropped
 */
public record ParseOperator(Optional<Identifier> kind, Optional<String> flags, Expression source, List<ParsePart> pattern,
                            boolean filtering, Span span) implements QueryOperator {
    public ParseOperator {
        pattern = List.copyOf(pattern);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
