package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Functions on dynamic arrays and property bags. Arrays are read as lists of JSON values; a
 * function given something that is not an array (or bag) gives null. Values put into dynamic
 * values keep Kusto's text for datetimes and timespans.
 */
final class DynamicFunctions {
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;
    private static final KqlType LONG = KqlType.LONG;

    private DynamicFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        FunctionDeclaration bagPack = FunctionDeclaration.scalar("bag_pack", ColumnNaming.NONE, List.of(
                Signature.of(DYNAMIC, a -> "json_object()"),
                Signature.anyTypeTail(DYNAMIC, DynamicFunctions::bagPack)));
        return List.of(
                scalar("array_length", Signature.of(LONG, a -> SharedValue.let(a.sql(0), d -> "CASE WHEN json_type(" + d + ") = 'ARRAY' THEN CAST(json_array_length("
                        + d + ") AS BIGINT) END"), DYNAMIC)),
                scalar("array_concat", Signature.variadic(DYNAMIC, DynamicFunctions::concat, DYNAMIC)),
                FunctionDeclaration.scalar("array_slice", ColumnNaming.NONE, List.of(
                        Signature.of(DYNAMIC, DynamicFunctions::slice, DYNAMIC, LONG, LONG))),
                FunctionDeclaration.scalar("array_index_of", ColumnNaming.NONE, indexOfSignatures()),
                scalar("array_reverse", Signature.of(DYNAMIC, a -> "to_json(list_reverse(" + list(a.sql(0)) + "))", DYNAMIC)),
                scalar("array_sum", Signature.of(KqlType.REAL, a -> "list_sum(list_transform(" + list(a.sql(0))
                        + ", lambda __e: TRY_CAST(__e AS DOUBLE)))", DYNAMIC)),
                scalar("bag_keys", Signature.of(DYNAMIC, a -> SharedValue.let(a.sql(0), d -> "CASE WHEN json_type(" + d + ") = 'OBJECT' THEN to_json(json_keys("
                        + d + ")) END"), DYNAMIC).withElements(DynamicFunctions::bagKeyList)),
                scalar("bag_merge", Signature.variadic(DYNAMIC, DynamicFunctions::merge, DYNAMIC)),
                scalar("bag_has_key", Signature.of(KqlType.BOOL, a -> "(json_type(" + a.sql(0) + ") = 'OBJECT' AND json_extract(" + a.sql(0)
                        + ", '/' || replace(replace(" + a.sql(1) + ", '~', '~0'), '/', '~1')) IS NOT NULL)", DYNAMIC, KqlType.STRING)),
                bagPack,
                bagPack.alias("pack"),
                bagPack.alias("pack_dictionary"),
                FunctionDeclaration.scalar("pack_array", ColumnNaming.NONE, List.of(
                        Signature.of(DYNAMIC, a -> "json_array()"),
                        Signature.anyTypeTail(DYNAMIC, DynamicFunctions::packArray))),
                scalar("set_union", Signature.variadic(DYNAMIC, a -> "to_json(" + distinct(concatenated(a)) + ")", DYNAMIC)),
                scalar("set_intersect", Signature.variadic(DYNAMIC, DynamicFunctions::intersect, DYNAMIC)),
                scalar("set_difference", Signature.variadic(DYNAMIC, DynamicFunctions::difference, DYNAMIC)),
                FunctionDeclaration.scalar("bag_set_key", ColumnNaming.NONE, setKeySignatures()).withDeviation("top-level keys only, no JSONPath keys"),
                scalar("jaccard_index", Signature.of(KqlType.REAL, DynamicFunctions::jaccard, DYNAMIC, DYNAMIC)),
                scalar("set_has_element", Signature.anyTypeTail(KqlType.BOOL, a -> "coalesce(list_contains(" + list(a.sql(0)) + ", "
                        + Conversions.jsonValue(a.type(1), a.sql(1)) + "), FALSE)", DYNAMIC)),
                scalar("treepath", Signature.of(DYNAMIC, a -> treePath(a.sql(0)), DYNAMIC))
                        .withNaming(ColumnNaming.PREFIX_AND_FIRST_ARGUMENT).withResultPrefix("tree"),
                scalar("bag_remove_keys", Signature.of(DYNAMIC, DynamicFunctions::removeKeys, DYNAMIC, DYNAMIC))
                        .withDeviation("JSONPath keys ($.a.b) only in a constant array of keys; keys from a column are top-level keys"),
                FunctionDeclaration.scalar("array_iff", ColumnNaming.NONE, arrayIffSignatures()),
                FunctionDeclaration.scalar("array_iif", ColumnNaming.NONE, arrayIffSignatures()),
                FunctionDeclaration.scalar("array_split", ColumnNaming.NONE, List.of(
                        Signature.of(DYNAMIC, a -> split(a.sql(0), "[" + a.sql(1) + "]"), DYNAMIC, LONG),
                        Signature.of(DYNAMIC, a -> split(a.sql(0), "list_transform(" + list(a.sql(1)) + ", lambda __si: TRY_CAST(__si AS BIGINT))"),
                                DYNAMIC, DYNAMIC))),
                scalar("zip", Signature.variadic(DYNAMIC, DynamicFunctions::zip, DYNAMIC)));
    }

    private static FunctionDeclaration scalar(String name, Signature signature) {
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, List.of(signature));
    }

    /**
     * bag_keys as a list of strings: json_keys gives an empty list for any value that is not a bag, so whether
     * the value was a bag is asked only where the list is empty. Text read as JSON is read once, as it is: text
     * that is not JSON (a dynamic string, so no bag) has no keys.
     */
    private static ElementList bagKeyList(RenderArguments a) {
        Optional<String> text = a.parsedText(0);
        if (text.isPresent()) {
            return new ElementList("TRY(json_keys(" + text.get() + "))", "coalesce(TRY(json_type(" + text.get() + ")) = 'OBJECT', FALSE)",
                    KqlType.STRING);
        }
        return new ElementList("json_keys(" + a.sql(0) + ")", "coalesce(json_type(" + a.sql(0) + ") = 'OBJECT', FALSE)", KqlType.STRING);
    }

    /** The elements of a dynamic array as a DuckDB list of JSON values; null when it is not an array. */
    static String list(String dynamic) {
        return SharedValue.let(dynamic, d -> "CASE WHEN json_type(" + d + ") = 'ARRAY' THEN CAST(" + d + " AS JSON[]) END");
    }

    private static String concatenated(RenderArguments a) {
        String result = list(a.sql(0));
        for (int i = 1; i < a.count(); i++) {
            result = "list_concat(" + result + ", " + list(a.sql(i)) + ")";
        }
        return result;
    }

    private static String concat(RenderArguments a) {
        return "to_json(" + concatenated(a) + ")";
    }

    /** Elements from start to end, both included; negative positions count from the end. */
    private static String slice(RenderArguments a) {
        return SharedValue.let(list(a.sql(0)), l -> {
            String start = "(CASE WHEN " + a.sql(1) + " < 0 THEN len(" + l + ") + " + a.sql(1) + " ELSE " + a.sql(1) + " END)";
            String end = "(CASE WHEN " + a.sql(2) + " < 0 THEN len(" + l + ") + " + a.sql(2) + " ELSE " + a.sql(2) + " END)";
            return "to_json(CASE WHEN " + end + " < " + start + " THEN [] ELSE list_slice(" + l + ", greatest(" + start + ", 0) + 1, " + end
                    + " + 1) END)";
        });
    }

    /** bag_merge: on a key in several bags, the leftmost bag's value is kept. */
    /**
     * bag_merge: every key of the bags, each with its value in the leftmost bag that has it (a nested bag is taken whole,
     * not merged; a null value is kept). As maps, concatenated from the right so that the leftmost value wins; a value
     * that is not a bag adds nothing.
     */
    private static String merge(RenderArguments a) {
        List<String> maps = new ArrayList<>();
        for (int i = a.count() - 1; i >= 0; i--) {
            maps.add(SharedValue.let(a.sql(i), v -> "CAST(CASE WHEN json_type(" + v + ") = 'OBJECT' THEN " + v + " ELSE CAST('{}' AS JSON) END"
                    + " AS MAP(VARCHAR, JSON))"));
        }
        return "to_json(map_concat(" + String.join(", ", maps) + "))";
    }

    private static String bagPack(RenderArguments a) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < a.count(); i += 2) {
            pairs.add(Conversions.text(a.type(i), a.sql(i)));
            pairs.add(Conversions.jsonValue(a.type(i + 1), a.sql(i + 1)));
        }
        return "json_object(" + String.join(", ", pairs) + ")";
    }

    private static String packArray(RenderArguments a) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < a.count(); i++) {
            values.add(Conversions.jsonValue(a.type(i), a.sql(i)));
        }
        return "json_array(" + String.join(", ", values) + ")";
    }

    /** The distinct elements of a list in the order they first appear, as Kusto's set functions give them. */
    private static String distinct(String list) {
        return SharedValue.let(list, l -> "list_filter(" + l + ", lambda __de, __di: list_position(" + l + ", __de) = __di)");
    }

    private static String intersect(RenderArguments a) {
        List<String> tests = new ArrayList<>();
        for (int i = 1; i < a.count(); i++) {
            tests.add("coalesce(list_contains(" + list(a.sql(i)) + ", __e), FALSE)");
        }
        return "to_json(list_filter(" + distinct(list(a.sql(0))) + ", lambda __e: " + String.join(" AND ", tests) + "))";
    }

    private static String difference(RenderArguments a) {
        String others = list(a.sql(1));
        for (int i = 2; i < a.count(); i++) {
            others = "list_concat(" + others + ", " + list(a.sql(i)) + ")";
        }
        return "to_json(" + distinct("list_filter(" + list(a.sql(0)) + ", lambda __e: NOT coalesce(list_contains(" + others + ", __e), FALSE))")
                + ")";
    }

    /** bag_set_key(bag, key, value): the bag with the key set to the value (a null value is kept as null); null for what is not a bag. */
    private static List<Signature> setKeySignatures() {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType value : KqlType.values()) {
            signatures.add(Signature.of(DYNAMIC, a -> SharedValue.let(a.sql(0), b -> "CASE WHEN json_type(" + b + ") = 'OBJECT' THEN to_json(map_concat(CAST("
                    + b + " AS MAP(VARCHAR, JSON)), MAP {" + a.sql(1) + ": coalesce(" + Conversions.jsonValue(value, a.sql(2))
                    + ", CAST('null' AS JSON))})) END"), DYNAMIC, KqlType.STRING, value));
        }
        return signatures;
    }

    /** jaccard_index: how many distinct values the arrays share over how many they hold in all; null when both are empty. */
    private static String jaccard(RenderArguments a) {
        return SharedValue.let(distinct(list(a.sql(0))), x -> SharedValue.let(distinct(list(a.sql(1))), y -> SharedValue.let("len(list_filter(" + x
                + ", lambda __je: list_contains(" + y + ", __je)))", shared -> "(CAST(" + shared + " AS DOUBLE) / NULLIF(len(" + x + ") + len(" + y
                + ") - " + shared + ", 0))")));
    }

    /**
     * array_index_of(array, value [, start [, length [, occurrence]]]): the position of the occurrence-th element equal
     * to the value among the length elements from start (-1: to the end); a negative start counts from the end. -1
     * when there is none; null for a length below -1 or an occurrence below 0.
     */
    private static List<Signature> indexOfSignatures() {
        List<Signature> signatures = new ArrayList<>();
        List<KqlType> values = new ArrayList<>(TypeSets.EQUATABLE);
        values.add(DYNAMIC);
        for (KqlType value : values) {
            signatures.add(Signature.of(LONG, a -> "CAST(coalesce(list_position(" + list(a.sql(0)) + ", " + Conversions.jsonValue(a.type(1), a.sql(1))
                    + ") - 1, -1) AS BIGINT)", DYNAMIC, value));
            signatures.add(Signature.of(LONG, a -> indexOf(a, "-1", "1"), DYNAMIC, value, LONG));
            signatures.add(Signature.of(LONG, a -> indexOf(a, a.sql(3), "1"), DYNAMIC, value, LONG, LONG));
            signatures.add(Signature.of(LONG, a -> indexOf(a, a.sql(3), a.sql(4)), DYNAMIC, value, LONG, LONG, LONG));
        }
        return signatures;
    }

    private static String indexOf(RenderArguments a, String lengthSql, String occurrenceSql) {
        String wanted = Conversions.jsonValue(a.type(1), a.sql(1));
        return SharedValue.let(list(a.sql(0)), l -> SharedValue.let(a.sql(2), rawStart -> SharedValue.let("CASE WHEN " + rawStart
                + " < 0 THEN greatest(len(" + l + ") + " + rawStart + ", 0) ELSE " + rawStart + " END", start -> SharedValue.let(lengthSql,
                length -> SharedValue.let(occurrenceSql, occurrence -> "CAST(CASE WHEN " + occurrence + " < 0 OR " + length + " < -1 THEN NULL "
                        + "ELSE coalesce(list_filter(range(" + start + ", CASE WHEN " + length + " = -1 THEN len(" + l + ") ELSE least(" + start
                        + " + " + length + ", len(" + l + ")) END), lambda __ip: " + l + "[__ip + 1] = " + wanted + ")[" + occurrence
                        + "] , -1) END AS BIGINT)")))));
    }

    /** zip: one array per position, holding that element of each input (null where an input is shorter). */
    private static String zip(RenderArguments a) {
        List<String> lengths = new ArrayList<>();
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < a.count(); i++) {
            lengths.add("coalesce(len(" + list(a.sql(i)) + "), 0)");
            elements.add("json_extract(" + a.sql(i) + ", '$[' || __i || ']')");
        }
        return "to_json(list_transform(range(greatest(" + String.join(", ", lengths) + ")), lambda __i: json_array("
                + String.join(", ", elements) + ")))";
    }

    /**
     * treepath: every path in the value, in order of first appearance, written {@code ['key']} and
     * {@code [0]}; the elements of an array all stand under {@code [0]}.
     */
    private static String treePath(String dynamic) {
        String kusto = "regexp_replace(regexp_replace(regexp_replace(substring(fullkey, 2), '\\[[0-9]+\\]', '[0]', 'g'), "
                + "'\\.\"((?:[^\"\\\\]|\\\\.)*)\"', '[''\\1'']', 'g'), '\\.([^.\\[]+)', '[''\\1'']', 'g')";
        return "CASE WHEN json_type(" + dynamic + ") IN ('OBJECT', 'ARRAY') THEN (SELECT to_json(coalesce(list(__path ORDER BY __first), []::VARCHAR[])) "
                + "FROM (SELECT " + kusto + " AS __path, min(id) AS __first FROM json_tree(" + dynamic + ") WHERE fullkey <> '$' GROUP BY __path)) END";
    }

    /** bag_remove_keys: the bag without the top-level keys named in the array. */
    /** bag_remove_keys: with a constant array of keys, top-level keys and JSONPaths ({@link BagKeyPaths}); else top-level keys. */
    private static String removeKeys(RenderArguments a) {
        Optional<List<List<String>>> paths = a.constant(1).flatMap(keys -> BagKeyPaths.parse((String) keys));
        if (paths.isPresent() && paths.get().stream().anyMatch(path -> path.size() > 1)) {
            return SharedValue.let(a.sql(0), b -> BagKeyPaths.remove(b, paths.get(), a, 0));
        }
        return removeKeys(a.sql(0), a.sql(1));
    }

    private static String removeKeys(String bag, String keys) {
        return SharedValue.let(bag, b -> "CASE WHEN json_type(" + b + ") = 'OBJECT' THEN to_json(map_from_entries(list_filter(map_entries(CAST(" + b
                + " AS MAP(VARCHAR, JSON))), lambda __r: NOT coalesce(list_contains(list_transform(" + list(keys) + ", lambda __k: __k ->> '$'), "
                + "__r.key), FALSE)))) END");
    }

    /** array_iff's overloads: a condition array, then each choice an array or a value of any other type. */
    private static List<Signature> arrayIffSignatures() {
        List<Signature> signatures = new java.util.ArrayList<>();
        for (KqlType whenTrue : KqlType.values()) {
            for (KqlType whenFalse : KqlType.values()) {
                signatures.add(Signature.of(DYNAMIC, DynamicFunctions::arrayIff, DYNAMIC, whenTrue, whenFalse));
            }
        }
        return signatures;
    }

    /**
     * array_iff: per element of the condition array, the choice's element at that position (null past its end), or the
     * choice itself when it is a value rather than an array; null where the condition is neither a bool nor a number.
     */
    private static String arrayIff(RenderArguments a) {
        return SharedValue.let(list(a.sql(0)), c -> choice(a, 1, t -> choice(a, 2, f ->
                "to_json(list_transform(" + c + ", lambda __ic, __ii: CASE TRY_CAST(__ic AS DOUBLE) <> 0 OR TRY_CAST(__ic AS BOOLEAN) "
                        + "WHEN TRUE THEN " + t + " WHEN FALSE THEN " + f + " ELSE CAST('null' AS JSON) END))")));
    }

    /** Argument {@code index} of array_iff as the JSON value chosen at position {@code __ii}. */
    private static String choice(RenderArguments a, int index, java.util.function.UnaryOperator<String> body) {
        if (a.type(index) == DYNAMIC) {
            return SharedValue.let(list(a.sql(index)), l -> body.apply("coalesce(" + l + "[__ii], CAST('null' AS JSON))"));
        }
        return SharedValue.let("coalesce(" + Conversions.jsonValue(a.type(index), a.sql(index)) + ", CAST('null' AS JSON))", body);
    }

    /**
     * array_split: the array cut before each of the (zero-based) indexes, which are taken in order; negative
     * indexes count from the end and indexes are clipped to the array.
     */
    private static String split(String array, String indexes) {
        return SharedValue.let(list(array), l -> {
            String cuts = "list_concat([0], list_transform(" + indexes + ", lambda __ci: least(greatest(CASE WHEN __ci < 0 THEN len(" + l
                    + ") + __ci ELSE __ci END, 0), len(" + l + "))), [len(" + l + ")])";
            return SharedValue.let(cuts, k -> "CASE WHEN " + l + " IS NOT NULL THEN to_json(list_transform(range(1, len(" + k
                    + ")), lambda __cj: list_slice(" + l + ", " + k + "[__cj] + 1, greatest(" + k + "[__cj + 1], " + k + "[__cj])))) END");
        });
    }
}
