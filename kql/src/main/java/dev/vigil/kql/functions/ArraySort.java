package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code array_sort_asc(array1 [, array2, ...] [, nulls_last])} and {@code array_sort_desc(...)}: sorts the first
 * array and puts the elements of every other array in the same new order. Numbers come first (by value), then
 * strings (by text), then other values (bools, arrays, bags, by their JSON text), in both directions; equal
 * elements keep their order. Nulls go last, or first when {@code nulls_last} is false.
 *
 * <p>With one array the result is the sorted array. With several it is one dynamic array holding each array in
 * the new order ({@code array_sort_asc(times, names)[1]} is the names in time order); an array whose length
 * differs from the first one's is null there. A first argument that is not an array gives null for every array.
 */
final class ArraySort {
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;

    private ArraySort() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(declaration("array_sort_asc", false), declaration("array_sort_desc", true));
    }

    private static FunctionDeclaration declaration(String name, boolean descending) {
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, List.of(
                Signature.of(DYNAMIC, a -> render(a, descending), DYNAMIC),
                Signature.anyTypeTail(DYNAMIC, a -> render(a, descending), DYNAMIC)))
                .withDeviation("with several arrays gives one array of the reordered arrays (index it), not one column each");
    }

    private static String render(RenderArguments a, boolean descending) {
        int last = a.count() - 1;
        boolean hasFlag = last > 0 && a.type(last) == KqlType.BOOL;
        int arrays = hasFlag ? last : a.count();
        String nullsLast = hasFlag ? a.constant(last).map(String::valueOf).map(v -> v.toUpperCase(java.util.Locale.ROOT))
                .orElse("coalesce(" + a.sql(last) + ", TRUE)") : "TRUE";
        return SharedValue.let(DynamicFunctions.list(a.sql(0)), first -> SharedValue.let(order(first, nullsLast, descending), order -> {
            List<String> results = new ArrayList<>();
            for (int i = 0; i < arrays; i++) {
                String reordered = i == 0 ? first : DynamicFunctions.list(Conversions.jsonValue(a.type(i), a.sql(i)));
                results.add(SharedValue.let(reordered, r -> "CASE WHEN len(" + r + ") = len(" + first + ") THEN to_json(list_transform("
                        + order + ", lambda __so: " + r + "[__so])) END"));
            }
            return arrays == 1 ? results.get(0) : "json_array(" + String.join(", ", results) + ")";
        }));
    }

    /** The 1-based positions of the first array's elements in sorted order. */
    private static String order(String list, String nullsLast, boolean descending) {
        String kind = "CASE WHEN __se IS NULL OR json_type(__se) = 'NULL' THEN NULL WHEN json_type(__se) IN ('BIGINT', 'UBIGINT', 'DOUBLE') "
                + "THEN 0 WHEN json_type(__se) = 'VARCHAR' THEN 1 ELSE 2 END";
        // the direction applies to the whole key, so the kind and the position are negated when descending to keep
        // numbers first and ties in their original order
        String sign = descending ? "-" : "";
        String number = "CASE WHEN json_type(__se) IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CAST(__se AS DOUBLE) END";
        String keyed = "list_transform(" + list + ", lambda __se, __si: {'k': " + sign + "(" + kind + "), 'n': " + number
                + ", 's': __se ->> '$', 'o': " + sign + "__si})";
        return SharedValue.let(keyed, k -> {
            String present = "list_transform(list_sort(list_filter(" + k + ", lambda __sk: __sk.k IS NOT NULL), '" + (descending ? "DESC" : "ASC")
                    + "'), lambda __sk: abs(__sk.o))";
            String nulls = "list_transform(list_filter(" + k + ", lambda __sk: __sk.k IS NULL), lambda __sk: abs(__sk.o))";
            return switch (nullsLast) {
                case "TRUE" -> "list_concat(" + present + ", " + nulls + ")";
                case "FALSE" -> "list_concat(" + nulls + ", " + present + ")";
                default -> "CASE WHEN " + nullsLast + " THEN list_concat(" + present + ", " + nulls + ") ELSE list_concat(" + nulls + ", "
                        + present + ") END";
            };
        });
    }
}
