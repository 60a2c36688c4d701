package dev.vigil.kql.binder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The graph functions of {@code graph-match}'s where and project clauses, which {@link GraphMatchBinder} binds, each
 * with how it differs from Kusto's (empty when it does not, as far as we know). The checklist in docs/kql.md is
 * written from this list.
 */
public final class GraphFunctions {
    private static final Map<String, String> SUPPORTED = new LinkedHashMap<>();

    static {
        SUPPORTED.put("all", "");
        SUPPORTED.put("any", "");
        SUPPORTED.put("inner_nodes", "");
        SUPPORTED.put("labels", "always an empty array: graphs made by make-graph have no labels, and graph models are not supported");
        SUPPORTED.put("map", "");
        SUPPORTED.put("node_degree_in", "");
        SUPPORTED.put("node_degree_out", "");
    }

    private GraphFunctions() {
    }

    /** The graph functions Vigil supports, by name, each with its difference from Kusto's (or ""). */
    public static Map<String, String> supported() {
        return Collections.unmodifiableMap(SUPPORTED);
    }
}
