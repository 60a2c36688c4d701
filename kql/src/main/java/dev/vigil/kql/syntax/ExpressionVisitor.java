package dev.vigil.kql.syntax;

/** One method per kind of scalar expression as written, with no defaults: a new kind that a stage does not handle fails to compile. */
public interface ExpressionVisitor<R> {
    R visit(NameReference nameReference);

    R visit(LiteralExpression literalExpression);

    R visit(FunctionCall functionCall);

    R visit(BinaryExpression binaryExpression);

    R visit(UnaryExpression unaryExpression);

    R visit(InExpression inExpression);

    R visit(SubqueryExpression subqueryExpression);

    R visit(MemberAccess memberAccess);

    R visit(ElementAccess elementAccess);

    R visit(BetweenExpression betweenExpression);

    R visit(NullLiteral nullLiteral);

    R visit(AllColumns allColumns);

    R visit(NamedArgument namedArgument);
}
