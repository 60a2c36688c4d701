package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * Filling the missing values of a series (a dynamic array). A value is missing when it is null or,
 * when a placeholder is given, a number equal to it.
 * <ul>
 *   <li>{@code series_fill_forward(s [, placeholder])}: the last value before; missing values at the start stay.</li>
 *   <li>{@code series_fill_backward(s [, placeholder])}: the next value after; missing values at the end stay.</li>
 *   <li>{@code series_fill_const(s, constant [, placeholder])}: the constant.</li>
 *   <li>{@code series_fill_linear(s [, placeholder [, fill_edges [, constant]]])}: linear interpolation
 *   between the neighbouring values, as reals (cut to integers in a series of integers, as Kusto keeps the elements' type); at the edges (with {@code fill_edges}, the default) the
 *   nearest value, else they stay missing; a series with no value at all is filled with {@code constant} (0).</li>
 * </ul>
 * Values that are present are kept as they are. Input that is not an array gives null.
 */
final class SeriesFill {
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;
    private static final KqlType REAL = KqlType.REAL;
    private static final KqlType BOOL = KqlType.BOOL;
    private static final String NO_PLACEHOLDER = "CAST(NULL AS DOUBLE)";

    private SeriesFill() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                FunctionDeclaration.scalar("series_fill_forward", ColumnNaming.FIRST_ARGUMENT, SeriesFunctions.optional(DYNAMIC,
                        a -> forward(a.get(0), a.get(1)), List.of(DYNAMIC, REAL), 1, List.of(NO_PLACEHOLDER))),
                FunctionDeclaration.scalar("series_fill_backward", ColumnNaming.FIRST_ARGUMENT, SeriesFunctions.optional(DYNAMIC,
                        a -> backward(a.get(0), a.get(1)), List.of(DYNAMIC, REAL), 1, List.of(NO_PLACEHOLDER))),
                FunctionDeclaration.scalar("series_fill_const", ColumnNaming.FIRST_ARGUMENT, SeriesFunctions.optional(DYNAMIC,
                        a -> constant(a.get(0), a.get(1), a.get(2)), List.of(DYNAMIC, REAL, REAL), 2, List.of(NO_PLACEHOLDER))),
                FunctionDeclaration.scalar("series_fill_linear", ColumnNaming.FIRST_ARGUMENT, SeriesFunctions.optional(DYNAMIC,
                        a -> linear(a.get(0), a.get(1), a.get(2), a.get(3)), List.of(DYNAMIC, REAL, BOOL, REAL), 1,
                        List.of(NO_PLACEHOLDER, "TRUE", "0.0"))));
    }

    private static String missing(String element, String placeholder) {
        return "(" + element + " IS NULL OR json_type(" + element + ") = 'NULL' OR coalesce(TRY_CAST(" + element + " AS DOUBLE) = " + placeholder + ", FALSE))";
    }

    /** The positions (1-based) of the values present in {@code list}. */
    private static String present(String list, String placeholder) {
        return "list_filter(range(1, len(" + list + ") + 1), lambda __fp: NOT " + missing(list + "[__fp]", placeholder) + ")";
    }

    private static String filled(String series, String placeholder, Filler filler) {
        return SharedValue.let(DynamicFunctions.list(series), l -> SharedValue.let(present(l, placeholder), p ->
                "CASE WHEN " + l + " IS NOT NULL THEN to_json(list_transform(" + l + ", lambda __fe, __fi: CASE WHEN NOT "
                        + missing("__fe", placeholder) + " THEN __fe ELSE " + filler.fill(l, p) + " END)) END"));
    }

    /** The JSON value for the missing element at {@code __fi}, given the list and the present positions. */
    private interface Filler {
        String fill(String list, String present);
    }

    private static String forward(String series, String placeholder) {
        return filled(series, placeholder, (l, p) -> "coalesce(" + l + "[list_filter(" + p + ", lambda __fb: __fb < __fi)[-1]], __fe)");
    }

    private static String backward(String series, String placeholder) {
        return filled(series, placeholder, (l, p) -> "coalesce(" + l + "[list_filter(" + p + ", lambda __fa: __fa > __fi)[1]], __fe)");
    }

    private static String constant(String series, String value, String placeholder) {
        return filled(series, placeholder, (l, p) -> "to_json(" + value + ")");
    }

    private static String linear(String series, String placeholder, String fillEdges, String constant) {
        return filled(series, placeholder, (l, p) -> {
            String before = "list_filter(" + p + ", lambda __fb: __fb < __fi)[-1]";
            String after = "list_filter(" + p + ", lambda __fa: __fa > __fi)[1]";
            return SharedValue.let("{'b': " + before + ", 'a': " + after + "}", n -> {
                String low = "TRY_CAST(" + l + "[" + n + ".b] AS DOUBLE)";
                String high = "TRY_CAST(" + l + "[" + n + ".a] AS DOUBLE)";
                String interpolated = low + " + (" + high + " - " + low + ") * (__fi - " + n + ".b) / (" + n + ".a - " + n + ".b)";
                // a series of integers stays one: interpolations are cut to integers (73.5 is 73), edges take the integer itself
                String integers = "(len(list_filter(" + p + ", lambda __fk: json_type(" + l + "[__fk]) NOT IN ('BIGINT', 'UBIGINT'))) = 0)";
                return "CASE WHEN len(" + p + ") = 0 THEN to_json(CAST(" + constant + " AS DOUBLE))"
                        + " WHEN " + n + ".b IS NOT NULL AND " + n + ".a IS NOT NULL THEN CASE WHEN " + integers + " THEN to_json(CAST(trunc("
                        + interpolated + ") AS BIGINT)) ELSE to_json(" + interpolated + ") END"
                        + " WHEN NOT " + fillEdges + " THEN __fe"
                        + " WHEN " + integers + " THEN coalesce(" + l + "[" + n + ".b], " + l + "[" + n + ".a])"
                        + " WHEN " + n + ".b IS NOT NULL THEN to_json(" + low + ") ELSE to_json(" + high + ") END";
            });
        });
    }
}
