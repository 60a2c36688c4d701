package dev.vigil.kql.bound;

/** One method per kind of bound expression, with no defaults: a new kind that the SQL writer or the plan printer does not handle fails to compile. */
public interface BoundExpressionVisitor<R> {
    R visit(BoundColumn boundColumn);

    R visit(BoundLiteral boundLiteral);

    R visit(BoundCall boundCall);

    R visit(BoundIn boundIn);

    R visit(BoundScalarSubquery boundScalarSubquery);

    R visit(BoundInSubquery boundInSubquery);

    R visit(BoundPathElements boundPathElements);
}
