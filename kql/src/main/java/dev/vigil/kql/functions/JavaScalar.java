package dev.vigil.kql.functions;

import dev.vigil.kql.sql.DuckDbTypes;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * A KQL scalar function that runs as a {@link JavaFunction}: its declaration (one signature per number
 * of optional trailing parameters given, the rest taking their SQL defaults) and the Java function the
 * SQL calls as {@code vigil_<name>}. Dynamic values travel as JSON text both ways. A body that throws
 * gives an empty string (or null for other types), as Kusto gives an empty result for input it cannot read.
 */
record JavaScalar(String name, KqlType result, List<KqlType> parameters, List<String> defaults, JavaFunction.Body body,
                  String deviation) {
    private static final String SQL_PREFIX = "vigil_";

    JavaScalar {
        parameters = List.copyOf(parameters);
        defaults = List.copyOf(defaults);
    }

    static JavaScalar of(String name, KqlType result, List<KqlType> parameters, JavaFunction.Body body) {
        return new JavaScalar(name, result, parameters, List.of(), body, "");
    }

    /** The same function with optional trailing parameters, given these SQL defaults. */
    JavaScalar withDefaults(String... sqlDefaults) {
        return new JavaScalar(name, result, parameters, List.of(sqlDefaults), body, deviation);
    }

    JavaScalar deviating(String text) {
        return new JavaScalar(name, result, parameters, defaults, body, text);
    }

    JavaFunction function() {
        return new JavaFunction(SQL_PREFIX + name, parameters, result, arguments -> {
            try {
                return body.apply(arguments);
            } catch (RuntimeException e) {
                // input the function cannot read (bad base64, a broken stream, malformed XML) gives Kusto's empty result
                return result == KqlType.STRING ? "" : null;
            }
        });
    }

    FunctionDeclaration declaration() {
        List<Signature> signatures = new ArrayList<>();
        for (int given = parameters.size() - defaults.size(); given <= parameters.size(); given++) {
            int count = given;
            signatures.add(Signature.of(result, a -> call(a, count), parameters.subList(0, count).toArray(KqlType[]::new)));
        }
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, signatures).withDeviation(deviation);
    }

    private String call(RenderArguments arguments, int given) {
        List<String> sql = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            String value = i < given ? arguments.sql(i) : defaults.get(i - (parameters.size() - defaults.size()));
            KqlType type = parameters.get(i);
            sql.add("CAST(" + value + " AS " + (type == KqlType.DYNAMIC ? "VARCHAR" : DuckDbTypes.sqlType(type)) + ")");
        }
        String call = SQL_PREFIX + name + "(" + String.join(", ", sql) + ")";
        return result == KqlType.DYNAMIC ? "CAST(" + call + " AS JSON)" : call;
    }
}
