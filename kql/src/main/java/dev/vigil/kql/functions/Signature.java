package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Optional;

/**
 * One overload: parameter types, result type and how it is written in SQL. A variadic signature
 * accepts its last parameter any number of times (at least once), as {@code strcat} and
 * {@code coalesce} do; when {@code anyType}, that repeated parameter takes a value of any type
 * as it is (the rendering looks at each argument's type), as {@code strcat} and {@code pack_array} do.
 * A signature whose dynamic result is always an array (or null) may also say how to write that
 * array as a DuckDB list ({@code elements}).
 */
public record Signature(List<KqlType> parameters, KqlType result, SqlRendering rendering, boolean variadic, boolean anyType,
                        Optional<ElementsRendering> elements) {
    public Signature {
        parameters = List.copyOf(parameters);
        if (variadic && parameters.isEmpty()) {
            throw new IllegalArgumentException("a variadic signature needs a parameter to repeat");
        }
        if (elements.isPresent() && result != KqlType.DYNAMIC) {
            throw new IllegalArgumentException("only a dynamic result has elements");
        }
    }

    public Signature(List<KqlType> parameters, KqlType result, SqlRendering rendering, boolean variadic, boolean anyType) {
        this(parameters, result, rendering, variadic, anyType, Optional.empty());
    }

    /** This signature, its result (always an array or null) also written as a list by {@code elements}. */
    public Signature withElements(ElementsRendering elements) {
        return new Signature(parameters, result, rendering, variadic, anyType, Optional.of(elements));
    }

    /** Whether this signature reads a string as JSON ({@code parse_json} of a string). */
    public boolean parsesText() {
        return rendering instanceof TextAsDynamic;
    }

    public static Signature of(KqlType result, SqlRendering rendering, KqlType... parameters) {
        return new Signature(List.of(parameters), result, rendering, false, false);
    }

    /** A signature whose last parameter repeats. */
    public static Signature variadic(KqlType result, SqlRendering rendering, KqlType... parameters) {
        return new Signature(List.of(parameters), result, rendering, true, false);
    }

    /**
     * The fixed {@code parameters}, then one or more values of any type; the rendering sees each
     * argument's own type. (A call with none of them needs its own fixed signature.)
     */
    public static Signature anyTypeTail(KqlType result, SqlRendering rendering, KqlType... parameters) {
        KqlType[] all = java.util.Arrays.copyOf(parameters, parameters.length + 1);
        all[parameters.length] = KqlType.DYNAMIC;
        return new Signature(List.of(all), result, rendering, true, true);
    }

    /** Whether argument {@code index} may have any type. */
    public boolean acceptsAnyTypeAt(int index) {
        return anyType && index >= parameters.size() - 1;
    }

    public boolean accepts(int argumentCount) {
        return variadic ? argumentCount >= parameters.size() : argumentCount == parameters.size();
    }

    /** The type argument {@code index} must have (or be widened to). */
    public KqlType parameterType(int index) {
        return parameters.get(Math.min(index, parameters.size() - 1));
    }
}
