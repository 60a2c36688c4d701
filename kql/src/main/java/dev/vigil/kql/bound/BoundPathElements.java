package dev.vigil.kql.bound;

import dev.vigil.kql.types.KqlType;

/**
 * An expression evaluated once per element of a path, in order: per edge or per inner node of a variable-length edge
 * of {@code graph-match}. {@code list} is the column holding the elements (rows of their properties), and
 * {@code element} reads an element's properties as columns. The results combine as {@code combination} says.
 */
public record BoundPathElements(String list, BoundExpression element, Combination combination) implements BoundExpression {
    /** How the per-element results make one value. */
    public enum Combination {
        /** {@code all()}: true when every element's condition is true (so for no elements). */
        ALL,
        /** {@code any()}: true when some element's condition is true (so not for no elements). */
        ANY,
        /** {@code map()}, and properties of a variable-length edge: the dynamic array of the results. */
        MAP
    }

    @Override
    public KqlType type() {
        return combination == Combination.MAP ? KqlType.DYNAMIC : KqlType.BOOL;
    }

    @Override
    public <R> R accept(BoundExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
