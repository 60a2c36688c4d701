package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * A scalar function that the engine runs as Java code: the SQL the compiler writes calls it by
 * {@code sqlName}, so the store must register every one of {@link FunctionRegistry#javaFunctions()}
 * on its database before it runs a query. The body gets one value per parameter (Double for real,
 * Long for long, Integer for int, Boolean for bool, String for string and for dynamic as JSON
 * text, null for a null) and gives a value of the result type the same way, or null.
 */
public record JavaFunction(String sqlName, List<KqlType> parameters, KqlType result, Body body) {
    public JavaFunction {
        parameters = List.copyOf(parameters);
    }

    /** The code of a Java function, called once per row; it must be safe to call from several threads at once. */
    @FunctionalInterface
    public interface Body {
        Object apply(Object[] arguments);
    }
}
