package dev.vigil.kql.sql;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.plan.Graph;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A graph's two tables as CTEs, shared by the graph operators: {@code __ge}, one row per edge with its number
 * ({@code __eid}), its source and target node ids ({@code __src}, {@code __dst}), its partition ({@code __part}) and its
 * properties; and {@code __gn}, one row per node with its partition and id ({@code __part}, {@code __id}), its
 * properties and its degrees ({@code __degree_in}, {@code __degree_out}). A graph made without partitioned-by has one
 * partition, 0. Both are materialized, so that every reference sees the same edge numbers.
 */
final class GraphSql {
    static final String EDGES = "__ge";
    static final String NODES = "__gn";

    private GraphSql() {
    }

    /**
     * {@code __ge AS MATERIALIZED (...), __gn AS MATERIALIZED (...)}, over the stages of the graph's edge and node tables,
     * for a {@code WITH RECURSIVE}: the components of {@code graph-mark-components} are found with recursive CTEs.
     */
    static String definitions(Graph graph, Function<LogicalOperator, String> stages) {
        List<String> nodeStages = graph.nodes().stream().map(n -> stages.apply(n.rows())).toList();
        String edges = EDGES + " AS MATERIALIZED (" + edges(graph, stages) + ")";
        if (graph.components().isEmpty()) {
            return edges + ", " + NODES + " AS MATERIALIZED (" + nodes(graph, nodeStages) + ")";
        }
        List<String> definitions = new ArrayList<>();
        definitions.add(edges);
        definitions.add("__gn0 AS MATERIALIZED (" + nodes(graph, nodeStages) + ")");
        List<String> columns = new ArrayList<>();
        columns.add("__gn0.*");
        String joins = "";
        for (int k = 0; k < graph.components().size(); k++) {
            Graph.ComponentMark mark = graph.components().get(k);
            definitions.add("__gr" + k + " AS (" + reach(mark.strong(), "__gr" + k) + ")");
            String pairs = mark.strong()
                    ? "SELECT __f.__part, __f.__n, __f.__m FROM __gr" + k + " AS __f JOIN __gr" + k + " AS __b ON __f.__n = __b.__m AND __f.__m = __b.__n"
                    + " AND " + samePartition("__f", "__b")
                    : "SELECT __part, __n, __m FROM __gr" + k;
            // the components of each partition's graph numbered from 0 in the order of their smallest node id
            definitions.add("__gc" + k + " AS (SELECT __part, __n, dense_rank() OVER (PARTITION BY __part ORDER BY __key) - 1 AS __c FROM "
                    + "(SELECT __part, __n, min(__m) AS __key FROM (" + pairs + ") GROUP BY __part, __n))");
            columns.add("CAST(__gc" + k + ".__c AS BIGINT) AS " + SqlIdentifiers.quote(mark.property()));
            joins += " LEFT JOIN __gc" + k + " ON __gc" + k + ".__n = __gn0.__id AND " + samePartition("__gc" + k, "__gn0");
        }
        definitions.add(NODES + " AS MATERIALIZED (SELECT " + String.join(", ", columns) + " FROM __gn0" + joins + ")");
        return String.join(", ", definitions);
    }

    /** Every node with each node it reaches (itself included), along the edges' directions or, for weak components, either way. */
    private static String reach(boolean directed, String self) {
        String steps = directed ? "SELECT __part, __src AS __from, __dst AS __to FROM " + EDGES
                : "SELECT __part, __src AS __from, __dst AS __to FROM " + EDGES + " UNION ALL SELECT __part, __dst, __src FROM " + EDGES;
        // UNION, not UNION ALL: a pair found again adds nothing, so the recursion ends
        return "SELECT __part, __id AS __n, __id AS __m FROM __gn0 UNION SELECT __r.__part, __r.__n, __e.__to FROM " + self + " AS __r JOIN ("
                + steps + ") AS __e ON __e.__from = __r.__m AND " + samePartition("__e", "__r");
    }

    private static String edges(Graph graph, Function<LogicalOperator, String> stages) {
        List<String> legs = new ArrayList<>();
        for (Graph.GraphEdges table : graph.edges()) {
            legs.add(table.mergedWith().isPresent() ? mergedEdges(graph, table, table.mergedWith().get(), stages) : edges(graph, table, stages));
        }
        return "SELECT row_number() OVER () AS __eid, * FROM (" + String.join(" UNION ALL ", legs) + ")";
    }

    private static String edges(Graph graph, Graph.GraphEdges table, Function<LogicalOperator, String> stages) {
        List<String> names = table.rows().schema().stream().map(ColumnSchema::name).toList();
        List<String> columns = new ArrayList<>();
        columns.add(SqlIdentifiers.quote(table.source()) + " AS __src");
        columns.add(SqlIdentifiers.quote(table.target()) + " AS __dst");
        columns.add(graph.partition().map(SqlIdentifiers::quote).orElse("0") + " AS __part");
        for (ColumnSchema property : graph.edgeProperties()) {
            String value = names.contains(property.name()) ? SqlIdentifiers.quote(property.name()) : missing(property.type());
            columns.add(value + " AS " + SqlIdentifiers.quote(property.name()));
        }
        return "SELECT " + String.join(", ", columns) + " FROM " + stages.apply(table.rows());
    }

    /**
     * The edges of graph-merge ... on: a left edge and a right edge that meet the conditions are one edge, whose properties
     * are both edges' (the left's value where both have one, as Kusto takes either); the others stay as they are.
     */
    private static String mergedEdges(Graph graph, Graph.GraphEdges left, Graph.EdgeMerge right, Function<LogicalOperator, String> stages) {
        List<String> leftNames = left.rows().schema().stream().map(ColumnSchema::name).toList();
        List<String> rightNames = right.rows().schema().stream().map(ColumnSchema::name).toList();
        List<String> columns = new ArrayList<>();
        columns.add("CASE WHEN __l.__m THEN __l." + SqlIdentifiers.quote(left.source()) + " ELSE __r." + SqlIdentifiers.quote(right.source())
                + " END AS __src");
        columns.add("CASE WHEN __l.__m THEN __l." + SqlIdentifiers.quote(left.target()) + " ELSE __r." + SqlIdentifiers.quote(right.target())
                + " END AS __dst");
        columns.add("0 AS __part");
        for (ColumnSchema property : graph.edgeProperties()) {
            String name = SqlIdentifiers.quote(property.name());
            boolean inLeft = leftNames.contains(property.name());
            boolean inRight = rightNames.contains(property.name());
            String value;
            if (inLeft && inRight) {
                value = "CASE WHEN __l.__m THEN __l." + name + " ELSE __r." + name + " END";
            } else if (inLeft || inRight) {
                value = "coalesce(" + (inLeft ? "__l." : "__r.") + name + ", " + missing(property.type()) + ")";
            } else {
                value = missing(property.type());
            }
            columns.add(value + " AS " + name);
        }
        List<String> on = new ArrayList<>();
        for (Graph.MergeKey key : right.keys()) {
            on.add("__l." + SqlIdentifiers.quote(key.left()) + " = __r." + SqlIdentifiers.quote(key.right()));
        }
        return "SELECT " + String.join(", ", columns) + " FROM (SELECT *, TRUE AS __m FROM " + stages.apply(left.rows()) + ") AS __l FULL JOIN "
                + "(SELECT *, TRUE AS __m FROM " + stages.apply(right.rows()) + ") AS __r ON " + String.join(" AND ", on);
    }

    private static String nodes(Graph graph, List<String> stages) {
        List<String> ids = new ArrayList<>();
        ids.add("SELECT __part, __src AS __id FROM " + EDGES);
        ids.add("SELECT __part, __dst FROM " + EDGES);
        String part = graph.partition().map(SqlIdentifiers::quote).orElse("0");
        List<String> joins = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            String id = SqlIdentifiers.quote(graph.nodes().get(i).id());
            String alias = "__n" + i;
            ids.add("SELECT " + part + ", " + id + " FROM " + stages.get(i));
            // one row per node: Kusto takes an arbitrary one of a node's rows
            String key = graph.partition().isPresent() ? part + ", " + id : id;
            joins.add(" LEFT JOIN (SELECT DISTINCT ON (" + key + ") * FROM " + stages.get(i) + ") AS " + alias + " ON " + alias + "." + id
                    + " = __ids.__id" + (graph.partition().isPresent() ? " AND " + alias + "." + part + " IS NOT DISTINCT FROM __ids.__part" : ""));
        }
        List<String> columns = new ArrayList<>();
        columns.add("__ids.__part AS __part");
        columns.add("__ids.__id AS __id");
        for (ColumnSchema property : graph.nodeProperties()) {
            if (graph.isComponent(property.name())) {
                continue;
            }
            String value;
            if (graph.nodeIdProperties().contains(property.name())) {
                value = "__ids.__id";
            } else if (graph.partition().isPresent() && graph.partition().get().equals(property.name())) {
                value = "__ids.__part";
            } else {
                List<String> sources = new ArrayList<>();
                for (int i = 0; i < stages.size(); i++) {
                    Graph.GraphNodes table = graph.nodes().get(i);
                    if (table.rows().schema().stream().anyMatch(c -> c.name().equals(property.name()))) {
                        sources.add("__n" + i + "." + SqlIdentifiers.quote(property.name()));
                    }
                }
                sources.add(missing(property.type()));
                value = sources.size() == 1 ? sources.get(0) : "coalesce(" + String.join(", ", sources) + ")";
            }
            columns.add(value + " AS " + SqlIdentifiers.quote(property.name()));
        }
        columns.add("coalesce(__din.__n, 0) AS __degree_in");
        columns.add("coalesce(__dout.__n, 0) AS __degree_out");
        return "SELECT " + String.join(", ", columns) + " FROM (" + String.join(" UNION ", ids) + ") AS __ids" + String.join("", joins)
                + " LEFT JOIN (SELECT __part, __dst, count(*) AS __n FROM " + EDGES + " GROUP BY __part, __dst) AS __din ON __din.__dst = __ids.__id"
                + " AND " + samePartition("__din", "__ids")
                + " LEFT JOIN (SELECT __part, __src, count(*) AS __n FROM " + EDGES + " GROUP BY __part, __src) AS __dout ON __dout.__src = __ids.__id"
                + " AND " + samePartition("__dout", "__ids")
                + " WHERE __ids.__id IS NOT NULL";
    }

    /** Whether the rows of {@code first} and {@code second} are in the same partition of the graph (a null partition is one too). */
    static String samePartition(String first, String second) {
        return first + ".__part IS NOT DISTINCT FROM " + second + ".__part";
    }

    /** The value of a property an element lacks: empty for a string (Kusto's strings are never null), else null. */
    static String missing(KqlType type) {
        return type == KqlType.STRING ? "''" : SqlLiterals.nullOf(type);
    }

    /** A node id as a long hash, for graph-to-table's with_node_id, with_source_id and with_target_id. */
    static String hash(String id) {
        return "CASE WHEN " + id + " IS NULL THEN NULL ELSE CAST(hash(" + id + ") >> 1 AS BIGINT) END";
    }

    /** The DuckDB type of a list of rows holding {@code properties} after a position {@code __i}. */
    static String rowListType(List<ColumnSchema> properties) {
        return rowType(properties) + "[]";
    }

    static String rowType(List<ColumnSchema> properties) {
        List<String> fields = new ArrayList<>();
        fields.add("\"__i\" BIGINT");
        properties.forEach(p -> fields.add(SqlIdentifiers.quote(p.name()) + " " + DuckDbTypes.sqlType(p.type())));
        return "STRUCT(" + String.join(", ", fields) + ")";
    }

    /** A row of {@code properties} read from {@code alias}, at position {@code position}, as {@link #rowType} declares. */
    static String row(List<ColumnSchema> properties, String alias, String position) {
        List<String> fields = new ArrayList<>();
        fields.add("'__i': " + position);
        properties.forEach(p -> fields.add(SqlLiterals.string(p.name()) + ": " + alias + "." + SqlIdentifiers.quote(p.name())));
        return "CAST({" + String.join(", ", fields) + "} AS " + rowType(properties) + ")";
    }
}
