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

    public static DiagnosticFact oneResultOnly() {
        return new DiagnosticFact("VQ003", "Only one tabular statement is supported per query for now; remove the others.");
    }

    // --- semantic

    public static DiagnosticFact unknownTable(String name) {
        return new DiagnosticFact("KS204", "There is no table named '" + name + "' in this workspace (table names are case-sensitive).");
    }

    public static DiagnosticFact unknownName(String name) {
        return new DiagnosticFact("KS142", "'" + name + "' is not the name of a column, table, variable or function here.");
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

    private static String typeList(List<KqlType> types) {
        return types.stream().map(KqlType::kqlName).collect(Collectors.joining(", "));
    }

    private static String plural(int count, String noun) {
        return count == 0 ? "no " + noun + "s" : count + " " + noun + (count == 1 ? "" : "s");
    }
}
