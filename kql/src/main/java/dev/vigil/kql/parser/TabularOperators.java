package dev.vigil.kql.parser;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tabular operators Vigil reads, each with how it differs from Kusto's in a few words (empty
 * when it does not, as far as we know). The checklist in docs/kql.md is written from this list;
 * a test checks that the parser accepts every name in it.
 */
public final class TabularOperators {
    private static final Map<String, String> SUPPORTED = new LinkedHashMap<>();
    /** The most edges a variable-length edge of graph-match may span; paths are enumerated, so longer ones could explode. */
    public static final int GRAPH_MAX_PATH_LENGTH = 20;

    static {
        supported("as", "the name is also used by union withsource for the leg it ends");
        supported("consume", "the input's columns come back with no rows, and the input is not read");
        supported("count", "");
        supported("datatable", "");
        supported("distinct", "");
        supported("evaluate", "only the plugins marked supported below");
        supported("extend", "");
        supported("externaldata", "reads only the files and URLs the server allows (--externaldata-allow), while the query compiles; "
                + "formats csv, tsv, tsve, psv, scsv, sohsv, txt, raw, json, multijson, .gz and .zip; ingestionMapping (ordinals, JSON paths); "
                + "SAS URLs and ;token, no other storage credentials");
        supported("getschema", "");
        supported("invoke", "");
        supported("join", "null keys do not match; keys of comparable types join");
        supported("lookup", "");
        supported("make-series", "rows outside [from, to) or with a null axis are dropped before grouping");
        supported("mv-apply", "");
        supported("mv-expand", "");
        supported("sort", "");
        supported("order", "");
        supported("project", "");
        supported("project-away", "");
        supported("project-keep", "");
        supported("project-rename", "");
        supported("project-reorder", "");
        supported("parse", "simple kind matches from the start of the text");
        supported("parse-where", "");
        supported("partition", "every strategy runs the subquery once per key found in the data (at most 64 keys for legacy, "
                + "1000 for native and shuffle), after a first read of the input to find the keys");
        supported("parse-kv", "without delimiters, values are runs of letters and digits");
        supported("print", "");
        supported("range", "");
        supported("render", "rows unchanged; the chart settings come back beside the result");
        supported("sample", "DuckDB reservoir sampling");
        supported("sample-distinct", "");
        supported("scan", "reads its input one row at a time inside DuckDB (a recursive query), so large inputs are slow");
        supported("search", "");
        supported("serialize", "");
        supported("summarize", "dcount and percentiles are exact");
        supported("take", "");
        supported("limit", "");
        supported("top", "");
        supported("top-nested", "ties are kept in no defined order");
        supported("top-hitters", "counts and sums are exact (Kusto's are estimates)");
        supported("union", "");
        supported("where", "");
        supported("filter", "");
        supported("fork", "only as the last operator of a tabular statement; each subquery reads the input again, "
                + "so non-deterministic operators (take without sort, sample) may see different rows in each");
        supported("facet", "only as the last operator of a tabular statement");
        supported("make-graph", "a node's properties from two node tables are merged by column name, the first table's "
                + "value winning; nodes with a null id are left out; with partitioned-by, nodes also have the partition column");
        supported("graph-match", "variable-length edges at most " + GRAPH_MAX_PATH_LENGTH + " edges long; a where condition on a variable-length "
                + "edge's properties may use no other pattern variable; an any-direction edge that is a self-loop matches once");
        supported("graph-to-table", "node hashes (with_node_id, with_source_id, with_target_id) are DuckDB hashes, not Kusto's values; "
                + "nodes and edges together only end a tabular statement, and the later statements naming them are not supported");
        supported("graph-shortest-paths", "the paths are enumerated (as graph-match's, without using an edge twice) and the "
                + "shortest kept, so long paths are slow; variable-length edges at most " + GRAPH_MAX_PATH_LENGTH + " edges long");
        supported("graph-mark-components", "component indexes follow the order of each component's smallest node id; the components are "
                + "found from every node's reachable nodes, so the cost grows with the square of the graph's nodes; a marked graph cannot be merged");
        supported("graph-merge", "with on conditions, a left and a right edge that meet them are one edge (one per matching pair), "
                + "with the left edge's value where both have a property, and both graphs must come from make-graph (one edge table each)");
        supported("find", "tables only in the in (...) list, no subqueries there; pack_ holds null values too");
    }

    private TabularOperators() {
    }

    private static void supported(String name, String deviation) {
        SUPPORTED.put(name, deviation);
    }

    /** The operators Vigil supports, by name, each with its difference from Kusto's (or ""). */
    public static Map<String, String> supported() {
        return Collections.unmodifiableMap(SUPPORTED);
    }

    /** The operators that start a query without input ({@code print 1}), as opposed to those that follow a pipe. */
    public static boolean startsQuery(String name) {
        return name.equals("datatable") || name.equals("externaldata") || name.equals("print") || name.equals("range") || name.equals("find");
    }
}
