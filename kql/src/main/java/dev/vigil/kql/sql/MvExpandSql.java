package dev.vigil.kql.sql;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.functions.ElementList;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.OperatorFunctions;
import dev.vigil.kql.plan.Expansion;
import dev.vigil.kql.plan.MvExpand;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code mv-expand}: each dynamic value becomes a list (an array's elements, a bag's properties as
 * one-property bags or {@code [key, value]} pairs, any other value - null included - itself), and
 * the lists are unnested side by side in one SELECT, which DuckDB pads with nulls to the longest.
 * Each expanded expression is computed once, in a projection of its own, because the list is built
 * from it in several branches (a JSON-parsing expression repeated four times cost 1.6x on 10M rows).
 */
final class MvExpandSql {
    private MvExpandSql() {
    }

    static String select(MvExpand expand, String input, ExpressionSql expressions) {
        List<String> sources = new ArrayList<>();
        List<String> unnests = new ArrayList<>();
        List<String> lengths = new ArrayList<>();
        for (int i = 0; i < expand.expansions().size(); i++) {
            Expansion expansion = expand.expansions().get(i);
            Optional<ElementList> elements = elementList(expansion, expressions);
            String list;
            if (elements.isPresent()) {
                sources.add(elements.get().list() + " AS " + source(i));
                list = elements(source(i), elements.get());
            } else {
                sources.add(expressions.render(expansion.source()) + " AS " + source(i));
                list = elements(source(i), expand.bagsAsArrays());
            }
            if (expand.limit().isPresent()) {
                list = list + "[1:" + expand.limit().get() + "]";
            }
            unnests.add("unnest(" + list + ") AS " + element(i));
            lengths.add("len(" + list + ")");
        }
        if (expand.itemIndex().isPresent()) {
            String longest = lengths.size() == 1 ? lengths.get(0) : "greatest(" + String.join(", ", lengths) + ")";
            unnests.add("unnest(range(" + longest + ")) AS __index");
        }
        String withSources = "SELECT *, " + String.join(", ", sources) + " FROM " + input;
        String inner = "SELECT *, " + String.join(", ", unnests) + " FROM (" + withSources + ")";
        List<String> columns = new ArrayList<>();
        for (ColumnSchema column : expand.columns()) {
            columns.add(column(expand, column, expressions) + " AS " + SqlIdentifiers.quote(column.name()));
        }
        return "SELECT " + String.join(", ", columns) + " FROM (" + inner + ")";
    }

    private static String column(MvExpand expand, ColumnSchema column, ExpressionSql expressions) {
        if (expand.itemIndex().isPresent() && expand.itemIndex().get().equals(column.name())) {
            return "CAST(__index AS BIGINT)";
        }
        for (int i = 0; i < expand.expansions().size(); i++) {
            Expansion expansion = expand.expansions().get(i);
            if (expansion.name().equals(column.name())) {
                KqlType elementType = elementList(expansion, expressions).map(ElementList::elementType).orElse(KqlType.DYNAMIC);
                return typed(element(i), elementType, expansion.type(), expressions);
            }
        }
        return SqlIdentifiers.quote(column.name());
    }

    /**
     * The array as a list when its function writes it so, unless its elements are strings and are wanted as
     * another scalar type (which is read from dynamic values only).
     */
    private static Optional<ElementList> elementList(Expansion expansion, ExpressionSql expressions) {
        return expressions.elements(expansion.source()).filter(e -> e.elementType() == KqlType.DYNAMIC
                || expansion.type() == KqlType.STRING || expansion.type() == KqlType.DYNAMIC);
    }

    /** An element of type {@code from} (string or dynamic) as {@code to}; strings stay strings, with '' for a missing one. */
    private static String typed(String element, KqlType from, KqlType to, ExpressionSql expressions) {
        if (from == KqlType.STRING) {
            return to == KqlType.STRING ? "coalesce(" + element + ", '')" : "to_json(" + element + ")";
        }
        if (to == KqlType.DYNAMIC) {
            return element;
        }
        FunctionDeclaration conversion = OperatorFunctions.fromDynamic(to);
        return expressions.render(new BoundCall(conversion, conversion.signatures().get(0), List.of(new BoundColumn(element, KqlType.DYNAMIC))));
    }

    /** The list of elements a dynamic value expands to. */
    private static String elements(String value, boolean bagsAsArrays) {
        String property = bagsAsArrays ? "json_array(e.key, e.value)" : "json_object(e.key, e.value)";
        return "(CASE json_type(" + value + ") WHEN 'ARRAY' THEN CAST(" + value + " AS JSON[])"
                + " WHEN 'OBJECT' THEN list_transform(map_entries(CAST(" + value + " AS MAP(VARCHAR, JSON))), lambda e: " + property + ")"
                + " ELSE [" + value + "] END)";
    }

    /**
     * The list of elements of an array written as a list: where the list is empty or null, the value is either an
     * empty array (no rows) or null (one row holding null).
     */
    private static String elements(String list, ElementList elements) {
        return "(CASE WHEN len(" + list + ") > 0 THEN " + list + " WHEN " + elements.isArray() + " THEN [] ELSE [NULL] END)";
    }

    private static String source(int index) {
        return "__source" + index;
    }

    private static String element(int index) {
        return "__element" + index;
    }
}
