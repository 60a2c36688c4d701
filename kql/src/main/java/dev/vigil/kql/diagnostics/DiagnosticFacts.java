package dev.vigil.kql.diagnostics;

import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every message the compiler can report, in one place. Codes follow Kusto's where Kusto has the
 * same error (KSnnn), so users can look them up; Vigil's own limits use VQnnn. The wording is ours.
 */
public final class DiagnosticFacts {
    private DiagnosticFacts() {
    }

    // --- lexical and syntactic

    public static DiagnosticFact unexpectedCharacter(String text) {
        return new DiagnosticFact("KS002", "Unexpected character '" + text + "'.");
    }

    public static DiagnosticFact unexpectedToken(String text) {
        return new DiagnosticFact("KS002", "Unexpected '" + text + "'.");
    }

    public static DiagnosticFact malformedLiteral(String what, String reason) {
        return new DiagnosticFact("KS004", "Malformed " + what + " literal: " + reason + ".");
    }

    public static DiagnosticFact unterminatedString() {
        return new DiagnosticFact("KS004", "Malformed string literal: the closing quote is missing.");
    }

    public static DiagnosticFact expected(String what, String found) {
        return new DiagnosticFact("KS005", "Expected " + what + " but found '" + found + "'.");
    }

    public static DiagnosticFact missingExpression(String found) {
        return new DiagnosticFact("KS006", "An expression is missing here; found '" + found + "'.");
    }

    public static DiagnosticFact unknownQueryOperator(String name) {
        return new DiagnosticFact("KS005", "'" + name + "' is not a query operator; expected an operator such as "
                + "where, project, extend, summarize, sort, top, take or count.");
    }

    public static DiagnosticFact emptyQuery() {
        return new DiagnosticFact("KS006", "The query is empty; expected a table name.");
    }

    public static DiagnosticFact tooDeeplyNested(int limit) {
        return new DiagnosticFact("VQ001", "The query nests more than " + limit + " levels deep; simplify the expression.");
    }

    public static DiagnosticFact tooComplex() {
        return new DiagnosticFact("VQ002", "The query is too complex to compile; simplify the expression.");
    }

    public static DiagnosticFact tabularExpected() {
        return new DiagnosticFact("KS005", "A table is expected here: a table name, a let name, a function call or a parenthesized query.");
    }

    public static DiagnosticFact defaultsMustBeLast(String parameter) {
        return new DiagnosticFact("KS005", "The parameter '" + parameter + "' needs a default value, as the parameters before it have one.");
    }

    // --- semantic

    public static DiagnosticFact unknownTable(String name) {
        return new DiagnosticFact("KS204", "There is no table named '" + name + "' in this workspace (table names are case-sensitive).");
    }

    public static DiagnosticFact unknownName(String name) {
        return new DiagnosticFact("KS142", "'" + name + "' is not the name of a column, table, variable or function here.");
    }

    public static DiagnosticFact assertFailed(String message) {
        return new DiagnosticFact("VQ006", "assert() failed: '" + message + "'.");
    }

    public static DiagnosticFact constantExpected(String function, String what) {
        return new DiagnosticFact("KS129", "The function '" + function + "' needs " + what
                + " that does not depend on the row: only constants, let values and function parameters.");
    }

    public static DiagnosticFact columnExpected(String function) {
        return new DiagnosticFact("KS142", "The function '" + function + "' takes columns by name; this argument is not a column.");
    }

    public static DiagnosticFact unknownFunction(String name) {
        return new DiagnosticFact("KS122", "There is no scalar function named '" + name + "'.");
    }

    public static DiagnosticFact aggregateOutsideSummarize(String name) {
        return new DiagnosticFact("KS123", "The aggregate function '" + name + "' can only be used inside summarize.");
    }

    public static DiagnosticFact scalarWhereAggregateExpected(String name) {
        return new DiagnosticFact("KS123", "summarize needs an aggregate function here, such as count() or sum(); '"
                + name + "' is not one.");
    }

    public static DiagnosticFact aggregateExpected() {
        return new DiagnosticFact("KS123", "summarize needs an aggregate function call here, such as count() or sum(x).");
    }

    public static DiagnosticFact argumentCount(String function, List<Integer> counts) {
        String expected = counts.size() == 1
                ? plural(counts.get(0), "argument")
                : counts.stream().map(String::valueOf).collect(Collectors.joining(" or ")) + " arguments";
        return new DiagnosticFact("KS119", "The function '" + function + "' expects " + expected + ".");
    }

    public static DiagnosticFact argumentCountAtLeast(String function, int minimum) {
        return new DiagnosticFact("KS119", "The function '" + function + "' expects " + plural(minimum, "argument") + " or more.");
    }

    public static DiagnosticFact allColumnsNotAllowed() {
        return new DiagnosticFact("KS208", "'*' stands for all columns only as an argument of arg_max, arg_min or pack_all-like functions.");
    }

    public static DiagnosticFact multiColumnAggregateInExpression(String name) {
        return new DiagnosticFact("KS208", "The aggregate '" + name + "' gives several columns, so it must stand alone in summarize.");
    }

    public static DiagnosticFact constantArgument(String function, String what) {
        return new DiagnosticFact("KS129", "The function '" + function + "' needs " + what + " as a constant.");
    }

    public static DiagnosticFact notDynamic(KqlType actual) {
        return new DiagnosticFact("KS107", "Only a dynamic value has properties and elements; this value is of type "
                + actual.kqlName() + ".");
    }

    public static DiagnosticFact badIndex(KqlType actual) {
        return new DiagnosticFact("KS107", "An index into a dynamic value must be an integer or a property name (string), not "
                + actual.kqlName() + ".");
    }

    public static DiagnosticFact noMatchingOverload(String function, List<KqlType> argumentTypes) {
        return new DiagnosticFact("KS127", "The function '" + function + "' cannot take arguments of type ("
                + typeList(argumentTypes) + ").");
    }

    public static DiagnosticFact operatorNotDefined(String operator, List<KqlType> operandTypes) {
        String kind = operandTypes.size() == 1 ? "operand type " : "operand types ";
        return new DiagnosticFact("KS106", "The operator '" + operator + "' is not defined for " + kind
                + operandTypes.stream().map(KqlType::kqlName).collect(Collectors.joining(" and ")) + ".");
    }

    public static DiagnosticFact typeExpected(KqlType expected, KqlType actual) {
        return new DiagnosticFact("KS107", "A value of type " + expected.kqlName() + " is expected here, not "
                + actual.kqlName() + ".");
    }

    public static DiagnosticFact constantExpected() {
        return new DiagnosticFact("KS129", "The value must be a constant.");
    }

    public static DiagnosticFact nonNegativeIntegerExpected() {
        return new DiagnosticFact("KS134", "The value must be a non-negative integer.");
    }

    public static DiagnosticFact duplicateColumn(String name) {
        return new DiagnosticFact("KS143", "The column '" + name + "' is declared more than once.");
    }

    public static DiagnosticFact notSortable(KqlType type) {
        return new DiagnosticFact("KS107", "Rows cannot be ordered by a value of type " + type.kqlName() + ".");
    }

    public static DiagnosticFact unknownTabularFunction(String name) {
        return new DiagnosticFact("KS122", "There is no tabular function named '" + name + "'.");
    }

    public static DiagnosticFact noResultStatement() {
        return new DiagnosticFact("KS006", "The query declares names but has no tabular statement to return; add one after the last ';'.");
    }

    public static DiagnosticFact datatableShape(int columns, int values) {
        return new DiagnosticFact("KS214", "datatable has " + plural(columns, "column") + " but " + plural(values, "value")
                + "; the number of values must be a multiple of the number of columns.");
    }

    public static DiagnosticFact rangeTypes(KqlType from, KqlType to, KqlType step) {
        return new DiagnosticFact("KS107", "range needs numbers, datetimes with a timespan step, or timespans; found "
                + from.kqlName() + ", " + to.kqlName() + " and step " + step.kqlName() + ".");
    }

    public static DiagnosticFact rangeZeroStep() {
        return new DiagnosticFact("KS215", "The step of range must not be zero.");
    }

    public static DiagnosticFact unknownParseKvOption(String name) {
        return new DiagnosticFact("KS220", "'" + name + "' is not a parse-kv option; expected pair_delimiter, kv_delimiter, quote, escape, "
                + "greedy or regex.");
    }

    public static DiagnosticFact parseKvDelimiters() {
        return new DiagnosticFact("KS221", "parse-kv needs both pair_delimiter and kv_delimiter, or neither; regex takes no other option.");
    }

    public static DiagnosticFact binAutoSize() {
        return new DiagnosticFact("KS222", "bin_auto needs the bin size: add 'set query_bin_auto_size = 1h;' (and optionally "
                + "'set query_bin_auto_at = <fixed point>;') before the query.");
    }

    public static DiagnosticFact unknownJoinKind(String kind) {
        return new DiagnosticFact("KS216", "'" + kind + "' is not a join kind; expected innerunique, inner, leftouter, rightouter, "
                + "fullouter, leftsemi, leftanti, rightsemi or rightanti.");
    }

    public static DiagnosticFact unknownLookupKind(String kind) {
        return new DiagnosticFact("KS216", "'" + kind + "' is not a lookup kind; expected leftouter or inner.");
    }

    public static DiagnosticFact unknownJoinColumn(String name, String side) {
        return new DiagnosticFact("KS142", "The " + side + " side of the join has no column named '" + name + "'.");
    }

    public static DiagnosticFact joinKeyTypes(String left, KqlType leftType, String right, KqlType rightType) {
        return new DiagnosticFact("KS217", "The join keys '" + left + "' (" + leftType.kqlName() + ") and '" + right + "' ("
                + rightType.kqlName() + ") cannot be compared.");
    }

    public static DiagnosticFact unionWithoutTables() {
        return new DiagnosticFact("KS218", "union has no tables to combine: no name matched.");
    }

    public static DiagnosticFact unknownUnionKind(String kind) {
        return new DiagnosticFact("KS216", "'" + kind + "' is not a union kind; expected inner or outer.");
    }

    public static DiagnosticFact dynamicExpected(String operator, KqlType actual) {
        return new DiagnosticFact("KS107", operator + " expands dynamic arrays and property bags, not values of type "
                + actual.kqlName() + ".");
    }

    public static DiagnosticFact unknownParseKind(String kind) {
        return new DiagnosticFact("KS216", "'" + kind + "' is not a parse kind; expected simple, relaxed or regex.");
    }

    public static DiagnosticFact unknownBagExpansion(String kind) {
        return new DiagnosticFact("KS216", "'" + kind + "' is not a bag expansion; expected bag or array.");
    }

    public static DiagnosticFact functionNotTabular(String name) {
        return new DiagnosticFact("KS211", "invoke needs a function that takes a table as its first parameter; '" + name
                + "' does not return a table.");
    }

    public static DiagnosticFact unknownPlugin(String name) {
        return new DiagnosticFact("KS219", "'" + name + "' is not a plugin that evaluate runs here; docs/kql.md lists those it runs.");
    }

    public static DiagnosticFact pluginFailed(String plugin, String reason) {
        return new DiagnosticFact("VQ006", "evaluate " + plugin + " could not be applied to this input: " + reason);
    }

    public static DiagnosticFact pluginArgument(String plugin, String what) {
        return new DiagnosticFact("KS107", "evaluate " + plugin + " needs " + what + " here.");
    }

    // --- graphs (make-graph, graph-match, graph-to-table, graph-merge)

    public static DiagnosticFact graphEdgeBothWays() {
        return new DiagnosticFact("KS005", "An edge of a graph pattern points one way (-->, <--) or neither way (--), not both.");
    }

    public static DiagnosticFact graphExpected(String operator) {
        return new DiagnosticFact("KS230", "'" + operator + "' needs a graph as its input: put make-graph, or the name of a graph, before it.");
    }

    public static DiagnosticFact graphNotFollowed() {
        return new DiagnosticFact("KS231", "A graph must be followed by a graph operator: graph-match, graph-to-table or graph-merge.");
    }

    public static DiagnosticFact graphUsedAsTable(String name) {
        return new DiagnosticFact("KS231", "'" + name + "' is a graph, not a table; follow it with graph-match, graph-to-table or graph-merge.");
    }

    public static DiagnosticFact graphNodeIdType(String column, KqlType actual, KqlType expected) {
        return new DiagnosticFact("KS232", "The node ids in '" + column + "' are of type " + actual.kqlName() + ", but the graph's node ids are of type "
                + expected.kqlName() + "; every node id column of a graph must have one type.");
    }

    public static DiagnosticFact graphPropertyType(String property, KqlType first, KqlType second) {
        return new DiagnosticFact("KS232", "The property '" + property + "' is of type " + first.kqlName() + " in one table of the graph and "
                + second.kqlName() + " in another.");
    }

    public static DiagnosticFact graphCyclesOption(String value) {
        return new DiagnosticFact("KS233", "'" + value + "' is not a cycles option; expected all, none or unique_edges.");
    }

    public static DiagnosticFact graphVariableKinds(String name) {
        return new DiagnosticFact("KS234", "'" + name + "' names a node and an edge of the pattern; a variable names nodes or edges, not both.");
    }

    public static DiagnosticFact graphEdgeVariableTwice(String name) {
        return new DiagnosticFact("KS234", "The edge variable '" + name + "' is used twice; each edge of a pattern has a name of its own.");
    }

    public static DiagnosticFact graphPatternNotConnected() {
        return new DiagnosticFact("KS235", "The sequences of a pattern must share node variables so that they form one connected pattern.");
    }

    public static DiagnosticFact graphEdgeLength() {
        return new DiagnosticFact("KS236", "The length of a variable-length edge is two constant integers, *min..max, with 0 <= min <= max.");
    }

    public static DiagnosticFact graphEdgeTooLong(int most) {
        return new DiagnosticFact("VQ021", "Variable-length edges are supported up to " + most + " edges long.");
    }

    public static DiagnosticFact graphUnknownProperty(String variable, String property) {
        return new DiagnosticFact("KS142", "The pattern variable '" + variable + "' has no property '" + property + "'.");
    }

    public static DiagnosticFact graphEdgeListMixed(String edge) {
        return new DiagnosticFact("KS237", "An expression over the edges of the variable-length edge '" + edge + "' can use no other pattern "
                + "variable; combine them with all(), any() or map().");
    }

    public static DiagnosticFact graphFunctionTarget(String function) {
        return new DiagnosticFact("KS238", "The first argument of '" + function + "' must be a variable-length edge of the pattern, "
                + "or inner_nodes() of one.");
    }

    public static DiagnosticFact graphInnerNodesPlace() {
        return new DiagnosticFact("KS238", "inner_nodes() can only be the first argument of all(), any() or map().");
    }

    public static DiagnosticFact graphNodeFunctionTarget(String function) {
        return new DiagnosticFact("KS238", "The argument of '" + function + "' must be a node variable of the pattern.");
    }

    public static DiagnosticFact graphTableOutputs() {
        return new DiagnosticFact("KS240", "graph-to-table makes a table of nodes, of edges, or one of each.");
    }

    public static DiagnosticFact graphNodesWithoutProperties() {
        return new DiagnosticFact("KS241", "The graph's nodes have no properties to make columns of: give make-graph node tables (with Nodes on Id) "
                + "or with_node_id, or ask graph-to-table for with_node_id.");
    }

    public static DiagnosticFact graphShortestPathsPattern() {
        return new DiagnosticFact("KS239", "graph-shortest-paths takes one sequence with at least one variable-length edge.");
    }

    public static DiagnosticFact graphShortestPathsOutput(String value) {
        return new DiagnosticFact("KS233", "'" + value + "' is not an output option of graph-shortest-paths; expected any or all.");
    }

    public static DiagnosticFact graphComponentKind(String value) {
        return new DiagnosticFact("KS233", "'" + value + "' is not a component kind; expected weak or strong.");
    }

    public static DiagnosticFact graphMergeOfPartitions() {
        return new DiagnosticFact("VQ023", "A graph made with partitioned-by cannot be merged; merge the tables, then make the graph.");
    }

    public static DiagnosticFact graphMergeOfComponents() {
        return new DiagnosticFact("VQ023", "A graph marked by graph-mark-components cannot be merged; merge first, then mark the components.");
    }

    public static DiagnosticFact graphMergeOnUnsupported() {
        return new DiagnosticFact("VQ022", "graph-merge ... on merges graphs of one edge table each, as make-graph makes them; merge the "
                + "others without on conditions.");
    }

    public static DiagnosticFact severalResults(String operator) {
        return new DiagnosticFact("VQ009", operator + " makes several result tables, so it can only end a tabular statement of the query, "
                + "not a let, a subquery or a function body.");
    }

    public static DiagnosticFact scanAssignsUndeclared(String name) {
        return new DiagnosticFact("KS142", "A scan step can assign only the columns of its declare clause; '" + name + "' is not one of them.");
    }

    /** A location externaldata names was refused or could not be read; {@code reason} names it and why. */
    public static DiagnosticFact externalDataRefused(String reason) {
        return new DiagnosticFact("VQ007", "externaldata could not read its data: " + reason + ".");
    }

    public static DiagnosticFact externalDataMalformed(String location, String format, String reason) {
        return new DiagnosticFact("VQ007", "externaldata read '" + location + "' but it is not " + format + " data: " + reason + ".");
    }

    public static DiagnosticFact externalDataMapping(String reason) {
        return new DiagnosticFact("KS107", "externaldata's ingestionMapping cannot be used: " + reason + ".");
    }

    public static DiagnosticFact externalDataProperty(String name, String known) {
        return new DiagnosticFact("KS107", "externaldata has no property '" + name + "'; it takes " + known + ".");
    }

    public static DiagnosticFact externalDataFormat(String name, String known) {
        return new DiagnosticFact("KS107", "externaldata cannot read the format '" + name + "'; it reads " + known + ".");
    }

    public static DiagnosticFact tooManyPartitions(int limit, String strategy) {
        return new DiagnosticFact("VQ008", "partition found more than " + limit + " distinct keys, the limit of its "
                + strategy + " strategy; filter the input first.");
    }

    public static DiagnosticFact tooManyDiscoveredColumns(String operator, int limit) {
        return new DiagnosticFact("VQ004", "evaluate " + operator + " would make more than " + limit + " columns from the data; "
                + "declare the ones you need: evaluate " + operator + "(...) : (Name:type, ...).");
    }

    public static DiagnosticFact notSupported(String what) {
        return new DiagnosticFact("VQ005", what + " is not supported yet.");
    }

    public static DiagnosticFact seriesAxisTypes(KqlType axis, KqlType step) {
        return new DiagnosticFact("KS107", "make-series needs a datetime or timespan axis with a timespan step, or a numeric axis "
                + "with a numeric step; the axis is " + axis.kqlName() + " and the step " + step.kqlName() + ".");
    }

    public static DiagnosticFact seriesBoundType(String bound, KqlType axis, KqlType actual) {
        return new DiagnosticFact("KS107", "The '" + bound + "' of make-series must be of the axis type " + axis.kqlName()
                + ", not " + actual.kqlName() + ".");
    }

    public static DiagnosticFact seriesAggregateNotNumeric(KqlType actual) {
        return new DiagnosticFact("KS107", "make-series aggregates must give numbers; this one gives " + actual.kqlName() + ".");
    }

    public static DiagnosticFact seriesDefaultType(KqlType aggregate, KqlType actual) {
        return new DiagnosticFact("KS107", "The default of a make-series aggregate must be a number like the aggregate ("
                + aggregate.kqlName() + "), not " + actual.kqlName() + ".");
    }

    public static DiagnosticFact columnNameExpected() {
        return new DiagnosticFact("KS142", "A column name is expected here.");
    }

    public static DiagnosticFact notMultiColumn() {
        return new DiagnosticFact("KS107", "(a, b, ...) = needs a function that gives several columns; this expression gives one value.");
    }

    public static DiagnosticFact callsTooDeep(int limit) {
        return new DiagnosticFact("KS208", "User functions call each other more than " + limit + " levels deep; recursion is not allowed.");
    }

    public static DiagnosticFact storedFunctionInvalid(String name, String problem) {
        return new DiagnosticFact("KS210", "The stored function '" + name + "' cannot be used: " + problem);
    }

    /** An error inside a stored function's text, reported at the call; keeps the inner error's code. */
    public static DiagnosticFact inStoredFunction(String name, String place, DiagnosticFact inner) {
        return new DiagnosticFact(inner.code(), "In stored function '" + name + "' (" + place + "): " + inner.message());
    }

    public static DiagnosticFact notATable(String name) {
        return new DiagnosticFact("KS211", "'" + name + "' is a scalar value, not a table.");
    }

    public static DiagnosticFact notAScalar(String name) {
        return new DiagnosticFact("KS212", "'" + name + "' is a table; a scalar value is expected here (use toscalar() for one value).");
    }

    public static DiagnosticFact tabularFunctionInScalarContext(String name) {
        return new DiagnosticFact("KS212", "The function '" + name + "' returns a table; a scalar value is expected here.");
    }

    public static DiagnosticFact scalarFunctionInTabularContext(String name) {
        return new DiagnosticFact("KS211", "The function '" + name + "' returns a scalar value, not a table.");
    }

    public static DiagnosticFact tooManyArguments(String function, int parameters) {
        return new DiagnosticFact("KS119", "The function '" + function + "' takes at most " + plural(parameters, "argument") + ".");
    }

    public static DiagnosticFact unknownParameter(String function, String parameter) {
        return new DiagnosticFact("KS119", "The function '" + function + "' has no parameter named '" + parameter + "'.");
    }

    public static DiagnosticFact argumentGivenTwice(String function, String parameter) {
        return new DiagnosticFact("KS119", "The function '" + function + "' is given its parameter '" + parameter + "' more than once.");
    }

    public static DiagnosticFact namedArgumentNotAllowed(String parameter) {
        return new DiagnosticFact("KS119", "A named argument ('" + parameter + " = ...') is taken only by user and stored functions.");
    }

    public static DiagnosticFact missingArgument(String function, String parameter) {
        return new DiagnosticFact("KS119", "The function '" + function + "' needs a value for its parameter '" + parameter + "'.");
    }

    public static DiagnosticFact argumentType(String function, String parameter, String expected, KqlType actual) {
        return new DiagnosticFact("KS107", "The parameter '" + parameter + "' of '" + function + "' takes a " + expected
                + ", not a value of type " + actual.kqlName() + ".");
    }

    public static DiagnosticFact tableArgumentExpected(String function, String parameter) {
        return new DiagnosticFact("KS107", "The parameter '" + parameter + "' of '" + function + "' takes a table.");
    }

    public static DiagnosticFact missingTabularColumn(String function, String parameter, String column, KqlType type) {
        return new DiagnosticFact("KS107", "The table passed as '" + parameter + "' to '" + function + "' needs a column '"
                + column + "' of type " + type.kqlName() + ".");
    }

    public static DiagnosticFact unknownType(String name) {
        return new DiagnosticFact("KS141", "'" + name + "' is not a type; expected one of bool, int, long, real, decimal, "
                + "string, datetime, timespan, guid, dynamic.");
    }

    public static DiagnosticFact subqueryNotAllowed() {
        return new DiagnosticFact("KS212", "A table cannot be used as a scalar value here; use toscalar() for one value.");
    }

    public static DiagnosticFact scalarSubqueryColumns() {
        return new DiagnosticFact("KS213", "toscalar() needs a table with at least one column.");
    }

    public static DiagnosticFact unknownColumn(String name) {
        return new DiagnosticFact("KS142", "There is no column named '" + name + "' in the input.");
    }

    private static String typeList(List<KqlType> types) {
        return types.stream().map(KqlType::kqlName).collect(Collectors.joining(", "));
    }

    private static String plural(int count, String noun) {
        return count == 0 ? "no " + noun + "s" : count + " " + noun + (count == 1 ? "" : "s");
    }

    public static DiagnosticFact tooManyNames(String function, int values) {
        return new DiagnosticFact("KS208", "The function '" + function + "' gives " + plural(values, "value")
                + "; name at most that many columns.");
    }

    public static DiagnosticFact typeofExpected(String function) {
        return new DiagnosticFact("KS208", "The last argument of '" + function + "' must be a type, written typeof(long), typeof(real), ...");
    }
}
