package dev.vigil.kql.syntax;

import java.util.Map;

/**
 * {@code render chart [with (name = value, ...)]}: how a client should draw the result.
 *
 * @param properties the {@code with} properties as written, values as their source text
 */
public record RenderOperator(Identifier chart, Map<String, String> properties, Span span) implements QueryOperator {
    public RenderOperator {
        properties = Map.copyOf(properties);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
