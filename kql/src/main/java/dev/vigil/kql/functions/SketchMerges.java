package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * The scalar forms of {@code hll_merge} and {@code tdigest_merge}, which share their names with the aggregates:
 * called with two or more sketches (or outside {@code summarize}) they merge the sketches of one row. Vigil's
 * sketches are exact, so a merged hll is the distinct values of all, and a merged tdigest all the values, sorted.
 */
final class SketchMerges {
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;

    private SketchMerges() {
    }

    static List<FunctionDeclaration> scalarForms() {
        return List.of(
                FunctionDeclaration.scalar("hll_merge", ColumnNaming.NONE, List.of(Signature.variadic(DYNAMIC,
                        a -> "to_json(list_distinct(" + concatenated(a) + "))", DYNAMIC, DYNAMIC)))
                        .withDeviation("exact: the sketch holds every distinct value (Kusto's is a small estimate)"),
                FunctionRegistry.function("merge_tdigest").orElseThrow().alias("tdigest_merge"));
    }

    private static String concatenated(RenderArguments arguments) {
        String lists = "list_concat(" + DynamicFunctions.list(arguments.sql(0)) + ", " + DynamicFunctions.list(arguments.sql(1)) + ")";
        for (int i = 2; i < arguments.count(); i++) {
            lists = "list_concat(" + lists + ", " + DynamicFunctions.list(arguments.sql(i)) + ")";
        }
        return lists;
    }
}
