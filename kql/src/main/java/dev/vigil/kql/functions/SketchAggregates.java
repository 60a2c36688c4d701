package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * More aggregates: {@code binary_all_and}/{@code _or}/{@code _xor}, {@code count_distinctif},
 * {@code make_list_with_nulls}, {@code percentiles_array}, and the sketches {@code hll}/{@code hll_if}/{@code hll_merge}
 * and {@code tdigest}/{@code tdigest_merge} with the scalar functions that read them ({@code dcount_hll},
 * {@code hll_merge}, {@code percentile_tdigest}, {@code percentiles_array_tdigest}, {@code rank_tdigest},
 * {@code percentrank_tdigest}, {@code merge_tdigest}). Vigil's sketches are exact: an hll value is the array of the
 * distinct values, a tdigest the sorted array of the values, so counts and percentiles are exact (Kusto's are
 * estimates) and the values grow with the data instead of staying small.
 */
final class SketchAggregates {
    private static final KqlType LONG = KqlType.LONG;
    private static final KqlType REAL = KqlType.REAL;
    private static final KqlType BOOL = KqlType.BOOL;
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;
    private static final String EXACT = "exact: the sketch holds every distinct value (Kusto's is a small estimate)";
    private static final String SORTED = "exact: the digest holds every value, sorted (Kusto's is a small estimate)";
    private static final List<KqlType> NUMBERS_AND_TIMES = List.of(KqlType.INT, LONG, REAL, KqlType.DECIMAL, KqlType.DATETIME, KqlType.TIMESPAN);

    private SketchAggregates() {
    }

    static List<FunctionDeclaration> declarations() {
        FunctionDeclaration tdigestMerge = FunctionDeclaration.aggregate("tdigest_merge", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, List.of(
                Signature.of(DYNAMIC, a -> "to_json(" + sorted("flatten(list(CAST(" + a.sql(0) + " AS JSON[])) FILTER (WHERE json_type(" + a.sql(0)
                        + ") = 'ARRAY'))") + ")", DYNAMIC))).withResultPrefix("merge_tdigests").withDeviation(SORTED);
        return List.of(
                bitwise("binary_all_and", "bit_and"),
                bitwise("binary_all_or", "bit_or"),
                bitwise("binary_all_xor", "bit_xor"),
                FunctionDeclaration.aggregate("count_distinctif", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, everyType(type -> Signature.of(LONG,
                        a -> "count(DISTINCT " + a.sql(0) + ") FILTER (WHERE " + a.sql(1) + ")", type, BOOL))),
                FunctionDeclaration.aggregate("make_list_with_nulls", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, everyType(type -> Signature.of(DYNAMIC,
                        a -> "coalesce(to_json(list(" + Conversions.jsonValue(type, a.sql(0)) + ")), json_array())", type))).withResultPrefix("list"),
                FunctionDeclaration.aggregate("hll", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, everyType(type -> Signature.of(DYNAMIC,
                        a -> distinctValues(type, a.sql(0), null), type), type -> Signature.of(DYNAMIC, a -> distinctValues(type, a.sql(0), null), type,
                        LONG))).withDeviation(EXACT),
                FunctionDeclaration.aggregate("hll_if", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, everyType(type -> Signature.of(DYNAMIC,
                        a -> distinctValues(type, a.sql(0), a.sql(1)), type, BOOL), type -> Signature.of(DYNAMIC,
                        a -> distinctValues(type, a.sql(0), a.sql(1)), type, BOOL, LONG))).withDeviation(EXACT),
                FunctionDeclaration.aggregate("hll_merge", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, List.of(
                        Signature.of(DYNAMIC, a -> "to_json(list_distinct(flatten(list(CAST(" + a.sql(0) + " AS JSON[])) FILTER (WHERE json_type("
                                + a.sql(0) + ") = 'ARRAY'))))", DYNAMIC))).withDeviation(EXACT),
                FunctionDeclaration.scalar("dcount_hll", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, List.of(
                        Signature.of(LONG, a -> "CAST(json_array_length(" + a.sql(0) + ") AS BIGINT)", DYNAMIC))).withDeviation(EXACT),
                FunctionDeclaration.aggregate("tdigest", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, tdigestSignatures()).withDeviation(SORTED),
                tdigestMerge,
                FunctionDeclaration.scalar("merge_tdigest", ColumnNaming.NONE, List.of(Signature.variadic(DYNAMIC, a -> {
                    String lists = "list_concat(" + DynamicFunctions.list(a.sql(0)) + ", " + DynamicFunctions.list(a.sql(1)) + ")";
                    for (int i = 2; i < a.count(); i++) {
                        lists = "list_concat(" + lists + ", " + DynamicFunctions.list(a.sql(i)) + ")";
                    }
                    return "to_json(" + sorted(lists) + ")";
                }, DYNAMIC, DYNAMIC))).withDeviation(SORTED),
                FunctionDeclaration.scalar("percentile_tdigest", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, List.of(
                        Signature.of(DYNAMIC, a -> nearestRank(a.sql(0), a.sql(1)), DYNAMIC, REAL))).withDeviation(SORTED),
                FunctionDeclaration.scalar("percentiles_array_tdigest", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, List.of(
                        Signature.variadic(DYNAMIC, a -> {
                            List<String> values = new ArrayList<>();
                            for (int i = 1; i < a.count(); i++) {
                                values.add(nearestRank(a.sql(0), a.sql(i)));
                            }
                            return "json_array(" + String.join(", ", values) + ")";
                        }, DYNAMIC, REAL))).withResultPrefix("percentile_tdigest").withDeviation(SORTED),
                FunctionDeclaration.scalar("rank_tdigest", ColumnNaming.NONE, List.of(
                        Signature.of(LONG, a -> rank(a.sql(0), a.sql(1)), DYNAMIC, REAL))).withDeviation(SORTED),
                FunctionDeclaration.scalar("percentrank_tdigest", ColumnNaming.NONE, List.of(
                        Signature.of(REAL, a -> SharedValue.let(a.sql(0), d -> "(100.0 * " + rank(d, a.sql(1)) + " / NULLIF(json_array_length(" + d
                                + "), 0))"), DYNAMIC, REAL))).withDeviation(SORTED),
                FunctionDeclaration.aggregate("percentiles_array", ColumnNaming.NONE, percentilesArray())
                        .withDeviation("exact nearest-rank values (Kusto estimates with T-Digest)"));
    }

    private static FunctionDeclaration bitwise(String name, String sqlFunction) {
        return FunctionDeclaration.aggregate(name, ColumnNaming.FIRST_ARGUMENT, List.of(
                Signature.of(LONG, a -> sqlFunction + "(" + a.sql(0) + ")", LONG)));
    }

    @SafeVarargs
    private static List<Signature> everyType(java.util.function.Function<KqlType, Signature>... forms) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : KqlType.values()) {
            for (java.util.function.Function<KqlType, Signature> form : forms) {
                signatures.add(form.apply(type));
            }
        }
        return signatures;
    }

    /** The distinct non-null values as a dynamic array, as make_set holds them. */
    private static String distinctValues(KqlType type, String value, String predicate) {
        String filter = " FILTER (WHERE " + value + " IS NOT NULL" + (predicate == null ? "" : " AND " + predicate) + ")";
        return "coalesce(to_json(list(DISTINCT " + Conversions.jsonValue(type, value) + ")" + filter + "), json_array())";
    }

    /** tdigest(x [, weight]): the values sorted, each as many times as its weight (1 when not given). */
    private static List<Signature> tdigestSignatures() {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : NUMBERS_AND_TIMES) {
            signatures.add(Signature.of(DYNAMIC, a -> "coalesce(to_json(list(" + Conversions.jsonValue(type, a.sql(0)) + " ORDER BY " + a.sql(0)
                    + ") FILTER (WHERE " + a.sql(0) + " IS NOT NULL)), json_array())", type));
            signatures.add(Signature.of(DYNAMIC, a -> "coalesce(to_json(flatten(list(list_transform(range(greatest(" + a.sql(1) + ", 0)), lambda __w: "
                    + Conversions.jsonValue(type, a.sql(0)) + ") ORDER BY " + a.sql(0) + ") FILTER (WHERE " + a.sql(0) + " IS NOT NULL))), json_array())",
                    type, LONG));
        }
        return signatures;
    }

    /** Digest values in order: numbers by value (JSON text would put 10 before 9), datetimes and timespans by their text. */
    private static String sorted(String values) {
        return "list_transform(list_sort(list_transform(" + values + ", lambda __s: {'n': TRY_CAST(__s AS DOUBLE), 'v': __s})), lambda __t: __t.v)";
    }

    /** The value at nearest rank p of a sorted digest (the smallest value with at least p% of the values at or below it). */
    private static String nearestRank(String digest, String percent) {
        return SharedValue.let(digest, d -> "json_extract(" + d + ", '$[' || CAST(greatest(ceil(least(greatest(" + percent + ", 0), 100) / 100.0 * "
                + "json_array_length(" + d + ")) - 1, 0) AS BIGINT) || ']')");
    }

    /** How many values of a sorted digest are below the value. */
    private static String rank(String digest, String value) {
        return "CAST(len(list_filter(" + DynamicFunctions.list(digest) + ", lambda __r: TRY_CAST(__r AS DOUBLE) < " + value + ")) AS BIGINT)";
    }

    /** percentiles_array(x, p, ...): the nearest-rank value of each percentage, as one dynamic array. */
    private static List<Signature> percentilesArray() {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : NUMBERS_AND_TIMES) {
            signatures.add(Signature.variadic(DYNAMIC, a -> {
                List<String> values = new ArrayList<>();
                for (int i = 1; i < a.count(); i++) {
                    values.add(Conversions.jsonValue(type, "quantile_disc(" + a.sql(0) + ", greatest(least(CAST(" + a.sql(i) + " AS DOUBLE) / 100, 1), 0))"));
                }
                return "json_array(" + String.join(", ", values) + ")";
            }, type, REAL));
        }
        return signatures;
    }
}
