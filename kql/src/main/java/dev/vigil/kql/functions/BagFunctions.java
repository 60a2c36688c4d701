package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * {@code bag_zip} (a bag from an array of keys and an array of values) and {@code dynamic_to_json} (a dynamic
 * value as canonical text: property bags with their keys sorted, no spaces).
 */
final class BagFunctions {
    /** How many levels of nested bags {@code dynamic_to_json} sorts; the SQL grows with each. */
    static final int CANONICAL_DEPTH = 3;

    private BagFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                FunctionDeclaration.scalar("bag_zip", ColumnNaming.NONE, List.of(
                        Signature.of(KqlType.DYNAMIC, a -> zip(a.sql(0), a.sql(1)), KqlType.DYNAMIC, KqlType.DYNAMIC))),
                FunctionDeclaration.scalar("dynamic_to_json", ColumnNaming.NONE, List.of(
                        Signature.of(KqlType.STRING, a -> SharedValue.let(a.sql(0), d -> "CASE WHEN json_type(" + d + ") IN ('OBJECT', 'ARRAY') THEN "
                                + canonical(d, CANONICAL_DEPTH) + " ELSE " + Conversions.text(KqlType.DYNAMIC, d) + " END"), KqlType.DYNAMIC)))
                        .withDeviation("keys are sorted in the first " + CANONICAL_DEPTH + " levels of nested bags; deeper ones keep their order"));
    }

    /**
     * Pairs the keys with the values by position: keys past the last value get null, values past the last key are
     * dropped, and keys that are not strings are skipped (with their values). Not arrays: null.
     */
    private static String zip(String keys, String values) {
        String pairs = "list_filter(list_zip(" + DynamicFunctions.list(keys) + ", " + DynamicFunctions.list(values)
                + "), lambda __zp: json_type(__zp[1]) = 'VARCHAR')";
        return "CASE WHEN json_type(" + keys + ") = 'ARRAY' AND json_type(" + values + ") = 'ARRAY' THEN CAST('{' || array_to_string("
                + "list_transform(" + pairs + ", lambda __zp: CAST(__zp[1] AS VARCHAR) || ':' || coalesce(CAST(__zp[2] AS VARCHAR), 'null')), ',')"
                + " || '}' AS JSON) END";
    }

    /**
     * The JSON text of {@code json} with the keys of its bags sorted, {@code depth} levels down. Bags and arrays go
     * through one path (an array's keys are its positions), and each level binds its value once (a one-element
     * lambda), so the SQL grows linearly with the depth.
     */
    private static String canonical(String json, int depth) {
        if (depth == 0) {
            return "CAST(json(" + json + ") AS VARCHAR)";
        }
        String value = "__cj" + depth;
        String key = "__ck" + depth;
        String isBag = "json_type(" + value + ") = 'OBJECT'";
        String keys = "CASE WHEN " + isBag + " THEN list_sort(json_keys(" + value + ")) ELSE list_transform(range(CAST(json_array_length("
                + value + ") AS BIGINT)), lambda __ci" + depth + ": CAST(__ci" + depth + " AS VARCHAR)) END";
        String member = "json_extract(" + value + ", '/' || replace(replace(" + key + ", '~', '~0'), '/', '~1'))";
        return "list_transform([" + json + "], lambda " + value + ": CASE WHEN json_type(" + value + ") IN ('OBJECT', 'ARRAY') THEN "
                + "CASE WHEN " + isBag + " THEN '{' ELSE '[' END || array_to_string(list_transform(" + keys + ", lambda " + key + ": "
                + "CASE WHEN " + isBag + " THEN to_json(" + key + ") || ':' ELSE '' END || " + canonical(member, depth - 1) + "), ',')"
                + " || CASE WHEN " + isBag + " THEN '}' ELSE ']' END ELSE CAST(json(" + value + ") AS VARCHAR) END)[1]";
    }
}
