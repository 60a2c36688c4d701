package dev.vigil.kql.binder;

import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.syntax.ElementAccess;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.LiteralExpression;
import dev.vigil.kql.syntax.MemberAccess;
import dev.vigil.kql.syntax.NameReference;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Names result columns the way Kusto does when the query does not: a column keeps its name,
 * {@code count()} becomes {@code count_}, {@code sum(X)} becomes {@code sum_X},
 * {@code bin(T, 1h)} keeps {@code T}, {@code Props.a} becomes {@code Props_a}, anything else is {@code Column1}, {@code Column2}, ... A name
 * already taken in the same operator gets a number appended ({@code count_1}).
 */
final class ColumnNames {
    private final Set<String> taken = new HashSet<>();
    private int nextGeneric = 1;

    /** The name Kusto derives from the expression itself, if it derives one. */
    static Optional<String> implicitName(Expression expression) {
        if (expression instanceof NameReference reference) {
            return Optional.of(reference.name());
        }
        if (expression instanceof MemberAccess member) {
            return implicitName(member.target()).map(target -> target + "_" + member.member());
        }
        if (expression instanceof ElementAccess element && element.index() instanceof LiteralExpression index) {
            return implicitName(element.target()).map(target -> target + "_" + String.valueOf(index.value()).replace('-', '_'));
        }
        if (expression instanceof FunctionCall call && call.name().equals(SpecialCalls.BIN_AUTO) && call.arguments().size() == 1) {
            return implicitName(call.arguments().get(0));
        }
        if (expression instanceof FunctionCall call) {
            Optional<FunctionDeclaration> declaration = FunctionRegistry.function(call.name());
            if (declaration.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> firstArgument = call.arguments().isEmpty() ? Optional.empty() : implicitName(call.arguments().get(0));
            switch (declaration.get().naming()) {
                case FIRST_ARGUMENT:
                    return firstArgument;
                case PREFIX:
                    return Optional.of(declaration.get().resultPrefix() + "_");
                case PREFIX_AND_FIRST_ARGUMENT:
                    return firstArgument.map(name -> declaration.get().resultPrefix() + "_" + name);
                case PREFIX_AND_TWO_ARGUMENTS:
                    Optional<String> secondArgument = call.arguments().size() < 2 ? Optional.empty() : implicitName(call.arguments().get(1));
                    return firstArgument.map(name -> declaration.get().resultPrefix() + "_" + name + secondArgument.map(second -> "_" + second).orElse(""));
                default:
                    return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A name for an unnamed expression, unique within this operator. */
    String nameFor(Expression expression) {
        Optional<String> implicit = implicitName(expression);
        String name = implicit.orElseGet(() -> "Column" + nextGeneric++);
        return unique(name);
    }

    /** Marks a name as used (explicit names, columns carried over). */
    void take(String name) {
        taken.add(name);
    }

    boolean isTaken(String name) {
        return taken.contains(name);
    }

    String unique(String name) {
        String candidate = name;
        for (int suffix = 1; taken.contains(candidate); suffix++) {
            candidate = name + suffix;
        }
        taken.add(candidate);
        return candidate;
    }
}
