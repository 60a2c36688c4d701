package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregate functions of {@code summarize}, one row each. Nulls are skipped, as Kusto skips
 * them; integer sums are cast back to BIGINT (DuckDB widens them). dcount is exact here (Kusto's is
 * an estimate). The ...if forms count only rows where their predicate is true.
 * arg_max, arg_min and percentiles give several columns; the binder expands them (see
 * {@code MultiColumnAggregates}) into the per-column aggregates declared at the end.
 */
final class AggregateFunctions {
    private static final KqlType BOOL = KqlType.BOOL;
    private static final KqlType LONG = KqlType.LONG;
    private static final KqlType REAL = KqlType.REAL;
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;

    /** The value of a column in the row where a key is largest (nulls in the column are kept). */
    static final FunctionDeclaration ARG_MAX_VALUE = FunctionDeclaration.aggregate("arg_max", ColumnNaming.FIRST_ARGUMENT,
            pairs("arg_max_null"));
    static final FunctionDeclaration ARG_MIN_VALUE = FunctionDeclaration.aggregate("arg_min", ColumnNaming.FIRST_ARGUMENT,
            pairs("arg_min_null"));

    private AggregateFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        FunctionDeclaration makeList = FunctionDeclaration.aggregate("make_list", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, list(false))
                .withResultPrefix("list");
        FunctionDeclaration makeSet = FunctionDeclaration.aggregate("make_set", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, list(true))
                .withResultPrefix("set");
        FunctionDeclaration takeAny = FunctionDeclaration.aggregate("take_any", ColumnNaming.FIRST_ARGUMENT, everyType(null, "any_value"));
        return List.of(
                FunctionDeclaration.aggregate("count", ColumnNaming.PREFIX, List.of(
                        Signature.of(LONG, a -> "count(*)"),
                        Signature.of(LONG, a -> "count(" + a.sql(0) + ")", KqlType.STRING))),
                FunctionDeclaration.aggregate("countif", ColumnNaming.PREFIX, List.of(
                        Signature.of(LONG, a -> "count(*) FILTER (WHERE " + a.sql(0) + ")", BOOL))),
                FunctionDeclaration.aggregate("sum", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, sum(false)),
                FunctionDeclaration.aggregate("sumif", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, sum(true)),
                FunctionDeclaration.aggregate("avg", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, numeric(REAL, "avg", false)),
                FunctionDeclaration.aggregate("avgif", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, numeric(REAL, "avg", true)),
                FunctionDeclaration.aggregate("min", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, sameType("min", false)),
                FunctionDeclaration.aggregate("max", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, sameType("max", false)),
                FunctionDeclaration.aggregate("minif", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, sameType("min", true)),
                FunctionDeclaration.aggregate("maxif", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, sameType("max", true)),
                FunctionDeclaration.aggregate("dcount", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, distinctCount(false))
                        .withDeviation("exact count (Kusto estimates); the accuracy argument is ignored"),
                FunctionDeclaration.aggregate("dcountif", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, distinctCount(true))
                        .withDeviation("exact count (Kusto estimates); the accuracy argument is ignored"),
                FunctionDeclaration.aggregate("count_distinct", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, distinctCount(false)),
                FunctionDeclaration.aggregate("stdev", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, numeric(REAL, "stddev_samp", false)),
                FunctionDeclaration.aggregate("stdevif", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, numeric(REAL, "stddev_samp", true)),
                FunctionDeclaration.aggregate("stdevp", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, numeric(REAL, "stddev_pop", false)),
                FunctionDeclaration.aggregate("variance", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, numeric(REAL, "var_samp", false)),
                FunctionDeclaration.aggregate("varianceif", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, numeric(REAL, "var_samp", true)),
                FunctionDeclaration.aggregate("variancep", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, numeric(REAL, "var_pop", false)),
                covariance("covariance", "covar_samp", false),
                covariance("covarianceif", "covar_samp", true),
                covariance("covariancep", "covar_pop", false),
                covariance("covariancepif", "covar_pop", true),
                makeList,
                makeList.alias("makelist"),
                FunctionDeclaration.aggregate("make_list_if", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, listIf(false)).withResultPrefix("list"),
                makeSet,
                makeSet.alias("makeset"),
                FunctionDeclaration.aggregate("make_set_if", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, listIf(true)).withResultPrefix("set"),
                FunctionDeclaration.aggregate("make_bag", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, List.of(
                        Signature.of(DYNAMIC, a -> bag(a.sql(0), null), DYNAMIC),
                        Signature.of(DYNAMIC, a -> bag(a.sql(0), a.sql(1)), DYNAMIC, LONG))).withResultPrefix("bag"),
                FunctionDeclaration.aggregate("make_bag_if", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, List.of(
                        Signature.of(DYNAMIC, a -> bagIf(a), DYNAMIC, BOOL))).withResultPrefix("bag"),
                takeAny,
                takeAny.alias("any"),
                FunctionDeclaration.aggregate("take_anyif", ColumnNaming.FIRST_ARGUMENT, everyType(BOOL, "any_value")),
                FunctionDeclaration.aggregate("anyif", ColumnNaming.FIRST_ARGUMENT, everyType(BOOL, "any_value")),
                FunctionDeclaration.aggregate("percentile", ColumnNaming.NONE, percentile())
                        .withDeviation("exact nearest-rank value (Kusto estimates with T-Digest)"),
                FunctionDeclaration.aggregate("percentiles", ColumnNaming.NONE, percentile())
                        .withDeviation("exact nearest-rank value (Kusto estimates with T-Digest)"));
    }

    private static List<Signature> sum(boolean conditional) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : List.of(KqlType.INT, LONG, REAL, KqlType.DECIMAL, KqlType.TIMESPAN)) {
            KqlType result = type == KqlType.INT ? LONG : type;
            String cast = type == REAL ? "DOUBLE" : type == KqlType.DECIMAL ? "DECIMAL(38,18)" : "BIGINT";
            signatures.add(conditional
                    ? Signature.of(result, a -> "CAST(sum(" + a.sql(0) + ") FILTER (WHERE " + a.sql(1) + ") AS " + cast + ")", type, BOOL)
                    : Signature.of(result, a -> "CAST(sum(" + a.sql(0) + ") AS " + cast + ")", type));
        }
        return signatures;
    }

    private static List<Signature> numeric(KqlType result, String sqlFunction, boolean conditional) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : List.of(KqlType.INT, LONG, REAL, KqlType.DECIMAL)) {
            signatures.add(conditional
                    ? Signature.of(result, a -> "CAST(" + sqlFunction + "(" + a.sql(0) + ") FILTER (WHERE " + a.sql(1) + ") AS DOUBLE)", type, BOOL)
                    : Signature.of(result, a -> "CAST(" + sqlFunction + "(" + a.sql(0) + ") AS DOUBLE)", type));
        }
        if (sqlFunction.equals("avg")) {
            signatures.add(conditional
                    ? Signature.of(KqlType.TIMESPAN, a -> "CAST(avg(" + a.sql(0) + ") FILTER (WHERE " + a.sql(1) + ") AS BIGINT)", KqlType.TIMESPAN, BOOL)
                    : Signature.of(KqlType.TIMESPAN, a -> "CAST(avg(" + a.sql(0) + ") AS BIGINT)", KqlType.TIMESPAN));
        }
        return signatures;
    }

    /** covariance(x, y) (sample) and covariancep (population), with their ...if forms; named covariance_x_y as Kusto names them. */
    private static FunctionDeclaration covariance(String name, String sqlFunction, boolean conditional) {
        String filter = conditional ? " FILTER (WHERE __predicate)" : "";
        return FunctionDeclaration.aggregate(name, ColumnNaming.PREFIX_AND_TWO_ARGUMENTS, List.of(conditional
                ? Signature.of(REAL, a -> "CAST(" + sqlFunction + "(" + a.sql(0) + ", " + a.sql(1) + ")" + filter.replace("__predicate", a.sql(2))
                        + " AS DOUBLE)", REAL, REAL, BOOL)
                : Signature.of(REAL, a -> "CAST(" + sqlFunction + "(" + a.sql(0) + ", " + a.sql(1) + ") AS DOUBLE)", REAL, REAL)));
    }

    private static List<Signature> sameType(String sqlFunction, boolean conditional) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : TypeSets.ORDERED) {
            signatures.add(conditional
                    ? Signature.of(type, a -> sqlFunction + "(" + a.sql(0) + ") FILTER (WHERE " + a.sql(1) + ")", type, BOOL)
                    : Signature.of(type, a -> sqlFunction + "(" + a.sql(0) + ")", type));
        }
        return signatures;
    }

    private static List<Signature> distinctCount(boolean conditional) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : KqlType.values()) {
            signatures.add(conditional
                    ? Signature.of(LONG, a -> "count(DISTINCT " + a.sql(0) + ") FILTER (WHERE " + a.sql(1) + ")", type, BOOL)
                    : Signature.of(LONG, a -> "count(DISTINCT " + a.sql(0) + ")", type));
            // the accuracy level of Kusto's estimate has no meaning for an exact count
            if (!conditional) {
                signatures.add(Signature.of(LONG, a -> "count(DISTINCT " + a.sql(0) + ")", type, LONG));
            }
        }
        return signatures;
    }

    /** make_list / make_set: a dynamic array of the non-null values, optionally at most maxSize of them. */
    private static List<Signature> list(boolean distinct) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : KqlType.values()) {
            signatures.add(Signature.of(DYNAMIC, a -> listOf(a, type, distinct, null, null), type));
            signatures.add(Signature.of(DYNAMIC, a -> listOf(a, type, distinct, null, a.sql(1)), type, LONG));
        }
        return signatures;
    }

    private static List<Signature> listIf(boolean distinct) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : KqlType.values()) {
            signatures.add(Signature.of(DYNAMIC, a -> listOf(a, type, distinct, a.sql(1), null), type, BOOL));
            signatures.add(Signature.of(DYNAMIC, a -> listOf(a, type, distinct, a.sql(1), a.sql(2)), type, BOOL, LONG));
        }
        return signatures;
    }

    private static String listOf(RenderArguments a, KqlType type, boolean distinct, String predicate, String maxSize) {
        String element = element(type, a.sql(0));
        String filter = " FILTER (WHERE " + a.sql(0) + " IS NOT NULL" + (predicate == null ? "" : " AND " + predicate) + ")";
        String list = "coalesce(list(" + (distinct ? "DISTINCT " : "") + element + ")" + filter + ", [])";
        if (maxSize != null) {
            list = "list_slice(" + list + ", 1, " + maxSize + ")";
        }
        return type == DYNAMIC ? "CAST(to_json(" + list + ") AS JSON)" : "to_json(" + list + ")";
    }

    /** How a value of each type is held in a dynamic array: datetimes and timespans as their Kusto text. */
    private static String element(KqlType type, String sql) {
        switch (type) {
            case DATETIME: return DynamicDatetime.text(sql);
            case TIMESPAN: return Conversions.timespanText(sql);
            case GUID: return "CAST(" + sql + " AS VARCHAR)";
            default: return sql;
        }
    }

    /** make_bag: the property bags merged; later keys win. */
    private static String bag(String value, String maxSize) {
        String bags = "list(" + value + ") FILTER (WHERE json_type(" + value + ") = 'OBJECT')";
        return "CASE WHEN len(" + bags + ") = 0 THEN json_object() ELSE list_reduce(" + bags
                + ", lambda __a, __b: json_merge_patch(__a, __b)) END";
    }

    private static String bagIf(RenderArguments a) {
        String bags = "list(" + a.sql(0) + ") FILTER (WHERE json_type(" + a.sql(0) + ") = 'OBJECT' AND " + a.sql(1) + ")";
        return "CASE WHEN len(" + bags + ") = 0 THEN json_object() ELSE list_reduce(" + bags
                + ", lambda __a, __b: json_merge_patch(__a, __b)) END";
    }

    private static List<Signature> everyType(KqlType condition, String sqlFunction) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : KqlType.values()) {
            signatures.add(condition == null
                    ? Signature.of(type, a -> sqlFunction + "(" + a.sql(0) + ")", type)
                    : Signature.of(type, a -> sqlFunction + "(" + a.sql(0) + ") FILTER (WHERE " + a.sql(1) + ")", type, condition));
        }
        return signatures;
    }

    /** percentile(x, p): the nearest-rank value (one of the inputs), as Kusto's percentile gives for small sets. */
    private static List<Signature> percentile() {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : List.of(KqlType.INT, LONG, REAL, KqlType.DECIMAL, KqlType.DATETIME, KqlType.TIMESPAN)) {
            signatures.add(Signature.of(type, a -> "quantile_disc(" + a.sql(0) + ", greatest(least(CAST(" + a.sql(1) + " AS DOUBLE) / 100, 1), 0))",
                    type, REAL));
        }
        return signatures;
    }

    private static List<Signature> pairs(String sqlFunction) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType value : KqlType.values()) {
            for (KqlType key : TypeSets.ORDERED) {
                signatures.add(Signature.of(value, a -> sqlFunction + "(" + a.sql(0) + ", " + a.sql(1) + ")", value, key));
            }
        }
        return signatures;
    }
}
