package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code percentilew(x, weight, p)}, {@code percentilesw(x, weight, p1, p2, ...)} (one column per percentage, which the
 * binder spreads) and {@code percentilesw_array(x, weight, p1, ...)} (one array): the nearest-rank value of the values
 * counted {@code weight} times each, exact. Rows with a null value or a weight below 1 are left out.
 */
final class WeightedPercentiles {
    private static final List<KqlType> VALUES = List.of(KqlType.INT, KqlType.LONG, KqlType.REAL, KqlType.DECIMAL, KqlType.DATETIME,
            KqlType.TIMESPAN);

    private WeightedPercentiles() {
    }

    static List<FunctionDeclaration> declarations() {
        List<Signature> single = new ArrayList<>();
        List<Signature> array = new ArrayList<>();
        for (KqlType type : VALUES) {
            single.add(Signature.of(type, a -> weighted(a.sql(0), a.sql(1), a.sql(2), a.sqlType(type)), type, KqlType.LONG, KqlType.REAL));
            array.add(Signature.variadic(KqlType.DYNAMIC, a -> {
                List<String> values = new ArrayList<>();
                for (int i = 2; i < a.count(); i++) {
                    values.add(Conversions.jsonValue(type, weighted(a.sql(0), a.sql(1), a.sql(i), a.sqlType(type))));
                }
                return "json_array(" + String.join(", ", values) + ")";
            }, type, KqlType.LONG, KqlType.REAL));
        }
        FunctionDeclaration percentilew = FunctionDeclaration.aggregate("percentilew", ColumnNaming.NONE, single)
                .withDeviation("exact nearest-rank values (Kusto estimates with T-Digest)");
        return List.of(percentilew, percentilew.alias("percentilesw"),
                FunctionDeclaration.aggregate("percentilesw_array", ColumnNaming.NONE, array)
                        .withDeviation("exact nearest-rank values (Kusto estimates with T-Digest)"));
    }

    /**
     * The values with their weights, sorted; the rank wanted in the multiset where each value appears weight times
     * (ceil(p% of the total weight), at least 1); then one pass that stops at the value whose running weight reaches it.
     */
    private static String weighted(String value, String weight, String percent, String valueType) {
        String pairs = "list_sort(list({'v': " + value + ", 'w': CAST(" + weight + " AS BIGINT)}) FILTER (WHERE " + value
                + " IS NOT NULL AND " + weight + " >= 1))";
        return SharedValue.let(pairs, p -> SharedValue.let("greatest(ceil(least(greatest(CAST(" + percent + " AS DOUBLE), 0), 100) / 100.0"
                + " * list_sum(list_transform(" + p + ", lambda __pw: __pw.w))), 1)", rank -> "list_reduce(" + p + ", lambda __pa, __pe: "
                + "CASE WHEN __pa.s >= " + rank + " THEN __pa ELSE {'s': __pa.s + __pe.w, 'v': __pe.v} END, {'s': CAST(0 AS BIGINT), 'v': CAST(NULL AS "
                + valueType + ")}).v"));
    }
}
