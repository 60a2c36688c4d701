package dev.vigil.kql.syntax;

import java.util.Optional;

/** {@code top-hitters N of Expr [by SumExpr]}: the N values of Expr that occur most often (or whose SumExpr adds up most). */
public record TopHittersOperator(Expression count, Expression of, Optional<Expression> by, Span span) implements QueryOperator {
    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
