package dev.vigil.kql.syntax;

import java.util.Optional;

/**
 * {@code set option [= value]}: a request option. Only the options the language itself reads
 * ({@code query_bin_auto_size}, {@code query_bin_auto_at}) have an effect; the value is kept when it
 * is an expression.
 */
public record SetStatement(Identifier option, Optional<Expression> value, Span span) implements Statement {
    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
