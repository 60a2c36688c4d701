package dev.vigil.kql.syntax;

import java.util.List;

/**
 * {@code parse-kv Source as (Key:type, ...) [with (pair_delimiter = ',', kv_delimiter = ':', quote = '"', escape = '\\',
 * greedy = true | regex = '...')]}: the values of the named keys become columns.
 *
 * @param options the {@code with} options in order; {@code quote} and {@code escape} may repeat
 */
public record ParseKvOperator(Expression source, List<ColumnDeclaration> keys, List<Option> options, Span span) implements QueryOperator {
    public ParseKvOperator {
        keys = List.copyOf(keys);
        options = List.copyOf(options);
    }

    /** One {@code name = value} of the {@code with} list; the value is a string or bool literal. */
    public record Option(Identifier name, Expression value) {
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
