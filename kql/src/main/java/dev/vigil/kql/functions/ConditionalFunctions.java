package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code iff}/{@code iif}, {@code case}, {@code coalesce}, {@code isempty}, {@code isnotempty},
 * {@code isnull}, {@code isnotnull}, {@code gettype}, {@code assert}. The branches of iff and case share one type
 * (numbers widen to the wider one). For strings, coalesce skips empty strings as well as nulls,
 * since a string is never null in Kusto.
 */
final class ConditionalFunctions {
    /** case() takes up to this many condition/value pairs. */
    static final int MAX_CASE_PAIRS = 32;

    private ConditionalFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                FunctionDeclaration.scalar("iff", ColumnNaming.NONE, iff()),
                FunctionDeclaration.scalar("iif", ColumnNaming.NONE, iff()),
                FunctionDeclaration.scalar("case", ColumnNaming.NONE, caseSignatures()),
                FunctionDeclaration.scalar("coalesce", ColumnNaming.NONE, coalesce()),
                FunctionDeclaration.scalar("isempty", ColumnNaming.NONE, emptiness(false)),
                FunctionDeclaration.scalar("isnotempty", ColumnNaming.NONE, emptiness(true)),
                FunctionDeclaration.scalar("notempty", ColumnNaming.NONE, emptiness(true)),
                FunctionDeclaration.scalar("isnull", ColumnNaming.NONE, nullness("IS NULL")),
                FunctionDeclaration.scalar("isnotnull", ColumnNaming.NONE, nullness("IS NOT NULL")),
                FunctionDeclaration.scalar("notnull", ColumnNaming.NONE, nullness("IS NOT NULL")),
                FunctionDeclaration.scalar("gettype", ColumnNaming.PREFIX_AND_FIRST_ARGUMENT, gettype())
                        .withResultPrefix("type")
                        .withDeviation("a datetime, timespan or guid inside a dynamic value is held as its text, so it is a string"),
                FunctionDeclaration.scalar("assert", ColumnNaming.NONE, List.of(Signature.of(KqlType.BOOL,
                        a -> "CASE WHEN " + a.sql(0) + " THEN TRUE ELSE error('assert() failed: ''' || " + a.sql(1) + " || '''.') END",
                        KqlType.BOOL, KqlType.STRING)))
                        .withDeviation("a condition that is not a literal (one computed from let values or parameters) "
                                + "fails the query when it runs rather than when it is compiled"));
    }

    private static List<Signature> iff() {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : KqlType.values()) {
            signatures.add(Signature.of(type, a -> "CASE WHEN " + a.sql(0) + " THEN " + a.sql(1) + " ELSE " + a.sql(2) + " END",
                    KqlType.BOOL, type, type));
        }
        return signatures;
    }

    private static List<Signature> caseSignatures() {
        List<Signature> signatures = new ArrayList<>();
        for (int pairs = 1; pairs <= MAX_CASE_PAIRS; pairs++) {
            for (KqlType type : KqlType.values()) {
                KqlType[] parameters = new KqlType[pairs * 2 + 1];
                for (int i = 0; i < pairs; i++) {
                    parameters[2 * i] = KqlType.BOOL;
                    parameters[2 * i + 1] = type;
                }
                parameters[pairs * 2] = type;
                signatures.add(Signature.of(type, ConditionalFunctions::caseWhen, parameters));
            }
        }
        return signatures;
    }

    private static String caseWhen(RenderArguments a) {
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = 0; i + 1 < a.count(); i += 2) {
            sql.append(" WHEN ").append(a.sql(i)).append(" THEN ").append(a.sql(i + 1));
        }
        return sql.append(" ELSE ").append(a.sql(a.count() - 1)).append(" END").toString();
    }

    private static List<Signature> coalesce() {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : KqlType.values()) {
            signatures.add(Signature.variadic(type, a -> {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < a.count(); i++) {
                    values.add(type == KqlType.STRING ? "NULLIF(" + a.sql(i) + ", '')" : a.sql(i));
                }
                if (type == KqlType.STRING) {
                    values.add("''");
                }
                return "coalesce(" + String.join(", ", values) + ")";
            }, type));
        }
        return signatures;
    }

    /** Empty is null, or '' for a string (and for a dynamic string). */
    private static List<Signature> emptiness(boolean negated) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : KqlType.values()) {
            signatures.add(Signature.of(KqlType.BOOL, a -> {
                String empty;
                if (type == KqlType.STRING) {
                    empty = "(coalesce(" + a.sql(0) + ", '') = '')";
                } else if (type == KqlType.DYNAMIC) {
                    empty = "(" + Conversions.text(KqlType.DYNAMIC, a.sql(0)) + " = '')";
                } else {
                    empty = "(" + a.sql(0) + " IS NULL)";
                }
                return negated ? "(NOT " + empty + ")" : empty;
            }, type));
        }
        return signatures;
    }

    private static List<Signature> nullness(String test) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : KqlType.values()) {
            signatures.add(Signature.of(KqlType.BOOL, a -> "(" + a.sql(0) + " " + test + ")", type));
        }
        return signatures;
    }

    /** The type name of a value; for dynamic, the kind of value inside it (array, dictionary, string, long, ...). */
    private static List<Signature> gettype() {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : KqlType.values()) {
            if (type == KqlType.DYNAMIC) {
                signatures.add(Signature.of(KqlType.STRING, a -> SharedValue.let(a.sql(0), v -> "CASE WHEN " + v + " IS NULL THEN 'null' ELSE "
                        + "CASE json_type(" + v + ") WHEN 'OBJECT' THEN 'dictionary' WHEN 'ARRAY' THEN 'array' WHEN 'VARCHAR' THEN 'string' "
                        // whole numbers are int when they fit in 32 bits, as Kusto's gettype(parse_json('1')) is int
                        + "WHEN 'BIGINT' THEN CASE WHEN TRY_CAST(" + v + " AS INTEGER) IS NOT NULL THEN 'int' ELSE 'long' END "
                        + "WHEN 'UBIGINT' THEN CASE WHEN TRY_CAST(" + v + " AS INTEGER) IS NOT NULL THEN 'int' ELSE 'long' END "
                        + "WHEN 'DOUBLE' THEN 'real' WHEN 'BOOLEAN' THEN 'bool' "
                        + "ELSE 'null' END END"), type));
            } else {
                signatures.add(Signature.of(KqlType.STRING, a -> a.stringLiteral(type.kqlName()), type));
            }
        }
        return signatures;
    }
}
