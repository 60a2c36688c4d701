package dev.vigil.kql.bound;

import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.Signature;
import dev.vigil.kql.types.KqlType;
import java.util.List;

/** A call of a function or operator with the overload the binder chose. */
public record BoundCall(FunctionDeclaration function, Signature signature, List<BoundExpression> arguments)
        implements BoundExpression {
    public BoundCall {
        arguments = List.copyOf(arguments);
    }

    @Override
    public KqlType type() {
        return signature.result();
    }

    /** True when this call or any argument is an aggregate. */
    public boolean containsAggregate() {
        return function.isAggregate()
                || arguments.stream().anyMatch(a -> a instanceof BoundCall call && call.containsAggregate());
    }

    @Override
    public <R> R accept(BoundExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
