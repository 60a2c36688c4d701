package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * Declarations that tabular operators use internally and queries cannot call by name: widening a
 * value to a parameter's type, and reading a dynamic value as a typed one ({@code mv-expand ... to
 * typeof(long)}, {@code evaluate bag_unpack} with a declared schema).
 */
public final class OperatorFunctions {
    private OperatorFunctions() {
    }

    /**
     * {@code pack_all}: a bag of the given columns, passed as (name, value) pairs. With
     * {@code skipEmpty}, null values and empty strings are left out.
     */
    public static FunctionDeclaration packColumns(boolean skipEmpty) {
        return FunctionDeclaration.scalar("pack_all", ColumnNaming.NONE, List.of(
                Signature.of(KqlType.DYNAMIC, a -> "json_object()"),
                Signature.anyTypeTail(KqlType.DYNAMIC, a -> {
                    java.util.List<String> pairs = new java.util.ArrayList<>();
                    for (int i = 0; i + 1 < a.count(); i += 2) {
                        String value = Conversions.jsonValue(a.type(i + 1), a.sql(i + 1));
                        if (skipEmpty) {
                            value = "CASE WHEN " + value + " IS NULL OR " + value + " = '\"\"' THEN NULL ELSE " + value + " END";
                        }
                        pairs.add(a.sql(i));
                        pairs.add(value);
                    }
                    String bag = "json_object(" + String.join(", ", pairs) + ")";
                    // a merge patch drops the keys whose value is null
                    return skipEmpty ? "json_merge_patch('{}', " + bag + ")" : bag;
                })));
    }

    /** A value of type {@code from} as type {@code to}. */
    public static FunctionDeclaration cast(KqlType from, KqlType to) {
        return FunctionDeclaration.scalar("cast", ColumnNaming.FIRST_ARGUMENT, List.of(
                Signature.of(to, a -> "CAST(" + a.sql(0) + " AS " + a.sqlType(to) + ")", from)));
    }

    /**
     * A dynamic value as type {@code to}: values that are not of that type become null (strings:
     * empty), as Kusto's typed expansion does.
     */
    public static FunctionDeclaration fromDynamic(KqlType to) {
        return FunctionDeclaration.scalar("fromDynamic", ColumnNaming.FIRST_ARGUMENT, List.of(
                Signature.of(to, a -> dynamicAs(a.sql(0), to, a), KqlType.DYNAMIC)));
    }

    /** Property {@code key} of a dynamic bag as type {@code to}. */
    public static FunctionDeclaration property(String key, KqlType to) {
        return FunctionDeclaration.scalar("property", ColumnNaming.NONE, List.of(
                Signature.of(to, a -> propertyAs(a.sql(0), key, to, a), KqlType.DYNAMIC)));
    }

    /** Property {@code key} of the bag {@code json} (SQL) as type {@code to}. */
    static String propertyAs(String json, String key, KqlType to, RenderArguments a) {
        return dynamicAs("json_extract(" + json + ", " + a.stringLiteral(jsonPath(key)) + ")", to, a);
    }

    private static String jsonPath(String key) {
        return "$.\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String dynamicAs(String json, KqlType to, RenderArguments a) {
        switch (to) {
            case DYNAMIC:
                return json;
            case STRING:
                return "coalesce(json_extract_string(" + json + ", '$'), '')";
            case TIMESPAN:
                return "TRY_CAST(json_extract_string(" + json + ", '$') AS BIGINT)";
            case INT:
            case LONG:
                // a cast, not a conversion: only whole numbers are longs
                return "(CASE WHEN json_type(" + json + ") IN ('BIGINT', 'UBIGINT') THEN TRY_CAST(" + json + " AS "
                        + a.sqlType(to) + ") END)";
            default:
                return "TRY_CAST(json_extract_string(" + json + ", '$') AS " + a.sqlType(to) + ")";
        }
    }
}
