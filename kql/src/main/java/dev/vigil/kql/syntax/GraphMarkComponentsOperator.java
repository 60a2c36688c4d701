package dev.vigil.kql.syntax;

import java.util.Optional;

/** {@code graph-mark-components [kind = weak|strong] [with_component_id = Name]}. */
public record GraphMarkComponentsOperator(Optional<Identifier> kind, Optional<Identifier> componentId, Span span) implements QueryOperator {
    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
