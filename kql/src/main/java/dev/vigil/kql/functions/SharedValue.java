package dev.vigil.kql.functions;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Lets a rendering use one argument several times without writing (and evaluating) its SQL several
 * times: a column or literal is used as it is, anything else is bound once through a one-element
 * DuckDB lambda. Each lambda's parameter is numbered by the lambdas nested inside it, so an outer
 * parameter never shadows an inner one.
 */
final class SharedValue {
    private static final Pattern SIMPLE = Pattern.compile(
            "\"(?:[^\"]|\"\")*\"|-?[0-9.]+|'(?:[^']|'')*'|CAST\\((?:NULL|'(?:[^']|'')*'|-?[0-9.]+) AS [A-Z0-9(),]+\\)|TRUE|FALSE");

    private SharedValue() {
    }

    static String let(String value, UnaryOperator<String> body) {
        if (SIMPLE.matcher(value).matches()) {
            return body.apply(value);
        }
        String draft = body.apply("__v");
        String parameter = "__v" + countLambdas(draft);
        return "list_transform([" + value + "], lambda " + parameter + ": " + body.apply(parameter) + ")[1]";
    }

    private static int countLambdas(String sql) {
        int count = 0;
        for (int at = sql.indexOf("lambda __v"); at >= 0; at = sql.indexOf("lambda __v", at + 1)) {
            count++;
        }
        return count;
    }
}
