package dev.vigil.kql.sql;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.plan.GraphCycles;
import dev.vigil.kql.plan.GraphMatch;
import dev.vigil.kql.plan.GraphMatch.MatchEdge;
import dev.vigil.kql.plan.GraphMatch.MatchNode;
import dev.vigil.kql.plan.LogicalOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code graph-match} as joins over the graph's tables: a node of the pattern is a reference to {@code __gn}, an edge
 * one to {@code __ge} turned the way the pattern reads it ({@code __from} its end on the pattern's left, {@code __to}
 * on the right), and a variable-length edge a recursive CTE of the paths from every node, each path carrying its edge
 * numbers, its inner nodes' ids and the rows of its edges and inner nodes, left to right; everything joins within one
 * partition of the graph (there is one unless make-graph had partitioned-by). The cycles option becomes
 * conditions that the edge numbers (and, for none, the node ids) of a match are distinct; paths are pruned as they grow.
 */
final class GraphMatchSql {
    private GraphMatchSql() {
    }

    /** {@code stages} writes the plan of one of the graph's tables and returns the name of its CTE. */
    static String select(GraphMatch match, Function<LogicalOperator, String> stages, ExpressionSql expressions) {
        List<String> definitions = new ArrayList<>();
        definitions.add(GraphSql.definitions(match.graph(), stages));
        List<String> from = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < match.nodes().size(); i++) {
            MatchNode node = match.nodes().get(i);
            String alias = nodeAlias(i);
            from.add(GraphSql.NODES + " AS " + alias);
            if (node.variable().isPresent()) {
                String variable = node.variable().get();
                for (ColumnSchema property : match.graph().nodeProperties()) {
                    columns.add(alias + "." + SqlIdentifiers.quote(property.name()) + " AS "
                            + SqlIdentifiers.quote(GraphMatch.propertyColumn(variable, property.name())));
                }
                columns.add(alias + ".__degree_in AS " + SqlIdentifiers.quote(GraphMatch.degreeColumn(variable, true)));
                columns.add(alias + ".__degree_out AS " + SqlIdentifiers.quote(GraphMatch.degreeColumn(variable, false)));
            }
        }
        List<String> edgeNumbers = new ArrayList<>();
        List<String> edgeNumberLists = new ArrayList<>();
        List<String> innerNodeLists = new ArrayList<>();
        for (int k = 0; k < match.edges().size(); k++) {
            MatchEdge edge = match.edges().get(k);
            String oriented = oriented(edge, expressions);
            if (edge.variableLength()) {
                String paths = "__gp" + k;
                String alias = "__p" + k;
                definitions.add(paths + " AS (" + paths(match, edge, paths, oriented) + ")");
                from.add(paths + " AS " + alias);
                conditions.add(alias + ".__start = " + nodeAlias(edge.left()) + ".__id");
                conditions.add(alias + ".__end = " + nodeAlias(edge.right()) + ".__id");
                conditions.add(GraphSql.samePartition(alias, nodeAlias(edge.left())));
                conditions.add(alias + ".__len >= " + edge.min());
                edgeNumberLists.add(alias + ".__eids");
                innerNodeLists.add(alias + ".__inner_ids");
                edge.variable().ifPresent(v -> {
                    columns.add(alias + ".__edges AS " + SqlIdentifiers.quote(GraphMatch.edgeList(v)));
                    columns.add(alias + ".__inner AS " + SqlIdentifiers.quote(GraphMatch.innerNodeList(v)));
                });
            } else {
                String alias = "__e" + k;
                from.add(oriented + " AS " + alias);
                conditions.add(alias + ".__from = " + nodeAlias(edge.left()) + ".__id");
                conditions.add(alias + ".__to = " + nodeAlias(edge.right()) + ".__id");
                conditions.add(GraphSql.samePartition(alias, nodeAlias(edge.left())));
                conditions.add(GraphSql.samePartition(alias, nodeAlias(edge.right())));
                edgeNumbers.add(alias + ".__eid");
                edge.variable().ifPresent(v -> {
                    for (ColumnSchema property : match.graph().edgeProperties()) {
                        columns.add(alias + "." + SqlIdentifiers.quote(property.name()) + " AS "
                                + SqlIdentifiers.quote(GraphMatch.propertyColumn(v, property.name())));
                    }
                });
            }
        }
        if (match.cycles() != GraphCycles.ALL && edgeNumbers.size() + edgeNumberLists.size() > 1) {
            conditions.add(distinct(edgeNumbers, edgeNumberLists));
        }
        if (match.cycles() == GraphCycles.NONE) {
            List<String> nodeIds = new ArrayList<>();
            for (int i = 0; i < match.nodes().size(); i++) {
                nodeIds.add(nodeAlias(i) + ".__id");
            }
            if (nodeIds.size() + innerNodeLists.size() > 1) {
                conditions.add(distinct(nodeIds, innerNodeLists));
            }
        }
        if (match.ends().isPresent()) {
            GraphMatch.PathEnds ends = match.ends().get();
            List<String> length = new ArrayList<>();
            length.add(String.valueOf(edgeNumbers.size()));
            edgeNumberLists.forEach(list -> length.add("len(" + list + ")"));
            columns.add(nodeAlias(ends.first()) + ".__part AS " + SqlIdentifiers.quote(GraphMatch.PATH_PARTITION));
            columns.add(nodeAlias(ends.first()) + ".__id AS " + SqlIdentifiers.quote(GraphMatch.PATH_FIRST));
            columns.add(nodeAlias(ends.last()) + ".__id AS " + SqlIdentifiers.quote(GraphMatch.PATH_LAST));
            columns.add("CAST(" + String.join(" + ", length) + " AS BIGINT) AS " + SqlIdentifiers.quote(GraphMatch.PATH_LENGTH));
        }
        if (columns.isEmpty()) {
            columns.add("1 AS __match");
        }
        return "SELECT * FROM (WITH RECURSIVE " + String.join(", ", definitions) + " SELECT " + String.join(", ", columns) + " FROM "
                + String.join(", ", from) + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + ")";
    }

    private static String nodeAlias(int index) {
        return "__n" + index;
    }

    /** The graph's edges turned as the pattern edge reads them, with the where conditions on a variable-length edge's edges. */
    private static String oriented(MatchEdge edge, ExpressionSql expressions) {
        String forward = "SELECT *, __src AS __from, __dst AS __to FROM " + GraphSql.EDGES;
        String backward = "SELECT *, __dst AS __from, __src AS __to FROM " + GraphSql.EDGES;
        String rows;
        switch (edge.direction()) {
            case LEFT_TO_RIGHT: rows = forward; break;
            case RIGHT_TO_LEFT: rows = backward; break;
            // a self-loop is one edge whichever way it is read, so it is read once
            default: rows = forward + " UNION ALL " + backward + " WHERE __src IS DISTINCT FROM __dst";
        }
        if (edge.elementFilter().isPresent()) {
            rows = "SELECT * FROM (" + rows + ") WHERE " + expressions.renderCondition(edge.elementFilter().get());
        }
        return "(" + rows + ")";
    }

    /**
     * The paths of a variable-length edge from every node, up to its most edges: a path of no edges per node, then
     * each path extended by an edge leaving its end, the end becoming an inner node.
     */
    private static String paths(GraphMatch match, MatchEdge edge, String self, String oriented) {
        List<ColumnSchema> edgeProperties = match.graph().edgeProperties();
        List<ColumnSchema> nodeProperties = match.graph().nodeProperties();
        String idType = DuckDbTypes.sqlType(match.graph().nodeIdType());
        String start = "SELECT __part, __id AS __start, __id AS __end, CAST(0 AS BIGINT) AS __len, CAST([] AS BIGINT[]) AS __eids, CAST([] AS "
                + idType + "[]) AS __inner_ids, CAST([] AS " + GraphSql.rowListType(edgeProperties) + ") AS __edges, CAST([] AS "
                + GraphSql.rowListType(nodeProperties) + ") AS __inner FROM " + GraphSql.NODES;
        List<String> prune = new ArrayList<>();
        prune.add("__p.__len < " + edge.max());
        if (match.cycles() != GraphCycles.ALL) {
            prune.add("NOT list_contains(__p.__eids, __o.__eid)");
        }
        if (match.cycles() == GraphCycles.NONE) {
            prune.add("(__p.__len = 0 OR (__p.__end <> __p.__start AND NOT list_contains(__p.__inner_ids, __p.__end)))");
        }
        String step = "SELECT __p.__part, __p.__start, __o.__to, __p.__len + 1, list_append(__p.__eids, __o.__eid), "
                + "CASE WHEN __p.__len = 0 THEN __p.__inner_ids ELSE list_append(__p.__inner_ids, __p.__end) END, "
                + "list_append(__p.__edges, " + GraphSql.row(edgeProperties, "__o", "__p.__len + 1") + "), "
                + "CASE WHEN __p.__len = 0 THEN __p.__inner ELSE list_append(__p.__inner, " + GraphSql.row(nodeProperties, "__m", "__p.__len")
                + ") END FROM " + self + " AS __p JOIN " + oriented + " AS __o ON __o.__from = __p.__end AND " + GraphSql.samePartition("__o", "__p")
                + " JOIN " + GraphSql.NODES + " AS __m ON __m.__id = __p.__end AND " + GraphSql.samePartition("__m", "__p")
                + " WHERE " + String.join(" AND ", prune);
        return start + " UNION ALL " + step;
    }

    /** True when the ids in {@code singles} and in the lists {@code lists} are all different. */
    private static String distinct(List<String> singles, List<String> lists) {
        List<String> parts = new ArrayList<>();
        if (!singles.isEmpty()) {
            parts.add("[" + String.join(", ", singles) + "]");
        }
        parts.addAll(lists);
        String all = parts.size() == 1 ? parts.get(0) : "flatten([" + String.join(", ", parts) + "])";
        return "len(list_distinct(" + all + ")) = len(" + all + ")";
    }
}
