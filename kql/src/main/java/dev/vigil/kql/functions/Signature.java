package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * One overload: parameter types, result type and how it is written in SQL. A variadic signature
 * accepts its last parameter any number of times (at least once), as {@code strcat} and
 * {@code coalesce} do.
 */
public record Signature(List<KqlType> parameters, KqlType result, SqlRendering rendering, boolean variadic) {
    public Signature {
        parameters = List.copyOf(parameters);
        if (variadic && parameters.isEmpty()) {
            throw new IllegalArgumentException("a variadic signature needs a parameter to repeat");
        }
    }

    public static Signature of(KqlType result, SqlRendering rendering, KqlType... parameters) {
        return new Signature(List.of(parameters), result, rendering, false);
    }

    /** A signature whose last parameter repeats. */
    public static Signature variadic(KqlType result, SqlRendering rendering, KqlType... parameters) {
        return new Signature(List.of(parameters), result, rendering, true);
    }

    public boolean accepts(int argumentCount) {
        return variadic ? argumentCount >= parameters.size() : argumentCount == parameters.size();
    }

    /** The type argument {@code index} must have (or be widened to). */
    public KqlType parameterType(int index) {
        return parameters.get(Math.min(index, parameters.size() - 1));
    }
}
