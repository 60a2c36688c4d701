package dev.vigil.kql.bound;

import dev.vigil.kql.types.KqlType;

/** A scalar expression after binding: names resolved, overloads chosen, every node typed. */
public sealed interface BoundExpression
        permits BoundColumn, BoundLiteral, BoundCall, BoundIn, BoundScalarSubquery, BoundInSubquery, BoundPathElements {
    KqlType type();

    /** Calls the method of {@code visitor} for this type. */
    <R> R accept(BoundExpressionVisitor<R> visitor);
}
