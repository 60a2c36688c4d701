package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/** One overload: parameter types, result type and how it is written in SQL. */
public record Signature(List<KqlType> parameters, KqlType result, SqlRendering rendering) {
    public Signature {
        parameters = List.copyOf(parameters);
    }

    public static Signature of(KqlType result, SqlRendering rendering, KqlType... parameters) {
        return new Signature(List.of(parameters), result, rendering);
    }
}
