package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.plan.Filter;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.BinaryExpression;
import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.LiteralExpression;
import dev.vigil.kql.syntax.LiteralKind;
import dev.vigil.kql.syntax.SearchOperator;
import dev.vigil.kql.syntax.TableReference;
import dev.vigil.kql.syntax.UnionOperator;
import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Optional;

/**
 * {@code search}: a filter where a lone string is a term that any string column must have, and
 * {@code Column:"term"} is that column having it. A term is matched by {@code has}, or by its asterisks:
 * {@code "err*"} {@code hasprefix}, {@code "*err"} {@code hassuffix}, {@code "*err*"} {@code contains}, and one
 * inside ({@code "Lab*PC"}) the regex {@code \bLab.*PC\b}. Matching ignores case unless {@code kind=case_sensitive},
 * which also makes the predicate's own string operators ({@code has}, {@code contains}, {@code =~}, ...) their
 * case-sensitive forms. At the start of a pipe it searches the named tables, or every table, as a {@code union} with
 * a {@code $table} column.
 */
final class SearchBinder {
    static final String TABLE_COLUMN = "$table";
    private static final String REGEX_SPECIAL = "\\.^$|?*+()[]{}";
    private static final java.util.Map<BinaryOperator, BinaryOperator> CASE_SENSITIVE = java.util.Map.ofEntries(
            java.util.Map.entry(BinaryOperator.HAS, BinaryOperator.HAS_CS),
            java.util.Map.entry(BinaryOperator.NOT_HAS, BinaryOperator.NOT_HAS_CS),
            java.util.Map.entry(BinaryOperator.CONTAINS, BinaryOperator.CONTAINS_CS),
            java.util.Map.entry(BinaryOperator.NOT_CONTAINS, BinaryOperator.NOT_CONTAINS_CS),
            java.util.Map.entry(BinaryOperator.STARTSWITH, BinaryOperator.STARTSWITH_CS),
            java.util.Map.entry(BinaryOperator.NOT_STARTSWITH, BinaryOperator.NOT_STARTSWITH_CS),
            java.util.Map.entry(BinaryOperator.ENDSWITH, BinaryOperator.ENDSWITH_CS),
            java.util.Map.entry(BinaryOperator.NOT_ENDSWITH, BinaryOperator.NOT_ENDSWITH_CS),
            java.util.Map.entry(BinaryOperator.HASPREFIX, BinaryOperator.HASPREFIX_CS),
            java.util.Map.entry(BinaryOperator.NOT_HASPREFIX, BinaryOperator.NOT_HASPREFIX_CS),
            java.util.Map.entry(BinaryOperator.HASSUFFIX, BinaryOperator.HASSUFFIX_CS),
            java.util.Map.entry(BinaryOperator.NOT_HASSUFFIX, BinaryOperator.NOT_HASSUFFIX_CS));

    private SearchBinder() {
    }

    static LogicalOperator bind(SearchOperator search, Optional<LogicalOperator> input, Environment environment) {
        LogicalOperator source;
        if (input.isPresent()) {
            source = input.get();
        } else {
            List<TableReference> tables = search.tables().isEmpty()
                    ? List.of(new TableReference("*", search.span()))
                    : search.tables();
            UnionOperator union = new UnionOperator(Optional.empty(), Optional.of(new Identifier(TABLE_COLUMN, search.span())),
                    false, List.copyOf(tables), search.span());
            source = UnionBinder.bind(union, Optional.empty(), environment);
        }
        Scope scope = Scope.of(source.schema(), environment);
        return new Filter(source, predicate(search.predicate(), source.schema(), scope, search.caseSensitive()));
    }

    private static BoundExpression predicate(Expression expression, List<ColumnSchema> columns, Scope scope, boolean caseSensitive) {
        if (expression instanceof LiteralExpression literal && literal.kind() == LiteralKind.STRING) {
            return anyColumnMatches(literal, columns, caseSensitive);
        }
        if (expression instanceof BinaryExpression binary
                && (binary.operator() == BinaryOperator.AND || binary.operator() == BinaryOperator.OR)) {
            return ExpressionBinder.operator(binary.operator(), binary.operatorSpan(),
                    predicate(binary.left(), columns, scope, caseSensitive), predicate(binary.right(), columns, scope, caseSensitive));
        }
        if (expression instanceof BinaryExpression binary && isColumnTerm(binary)) {
            return term(ExpressionBinder.bindScalar(binary.left(), scope), (LiteralExpression) binary.right(), caseSensitive);
        }
        if (caseSensitive && expression instanceof BinaryExpression binary && caseSensitiveForm(binary.operator()).isPresent()) {
            return ExpressionBinder.operator(caseSensitiveForm(binary.operator()).get(), binary.operatorSpan(),
                    ExpressionBinder.bindScalar(binary.left(), scope), ExpressionBinder.bindScalar(binary.right(), scope));
        }
        return ExpressionBinder.bindScalar(expression, scope);
    }

    /** {@code Column:"term"}, which the parser reads as {@code has} written with one character, the colon. */
    private static boolean isColumnTerm(BinaryExpression binary) {
        return binary.operator() == BinaryOperator.HAS && binary.operatorSpan().length() == 1
                && binary.right() instanceof LiteralExpression literal && literal.kind() == LiteralKind.STRING;
    }

    private static Optional<BinaryOperator> caseSensitiveForm(BinaryOperator operator) {
        if (operator == BinaryOperator.EQUAL_TILDE) {
            return Optional.of(BinaryOperator.EQUAL);
        }
        if (operator == BinaryOperator.NOT_EQUAL_TILDE) {
            return Optional.of(BinaryOperator.NOT_EQUAL);
        }
        return Optional.ofNullable(CASE_SENSITIVE.get(operator));
    }

    private static BoundExpression anyColumnMatches(LiteralExpression term, List<ColumnSchema> columns, boolean caseSensitive) {
        BoundExpression result = null;
        for (ColumnSchema column : columns) {
            if (column.type() != KqlType.STRING || column.name().equals(TABLE_COLUMN)) {
                continue;
            }
            BoundExpression match = term(new BoundColumn(column.name(), column.type()), term, caseSensitive);
            result = result == null ? match : ExpressionBinder.operator(BinaryOperator.OR, term.span(), result, match);
        }
        return result != null ? result : BoundLiteral.of(false, KqlType.BOOL);
    }

    /** One value matching a term, by the term's asterisks. */
    private static BoundExpression term(BoundExpression value, LiteralExpression term, boolean caseSensitive) {
        String text = (String) term.value();
        boolean leading = text.startsWith("*");
        boolean trailing = text.length() > 1 && text.endsWith("*");
        String core = text.substring(leading ? 1 : 0, text.length() - (trailing ? 1 : 0));
        BinaryOperator operator;
        if (core.contains("*")) {
            String regex = (caseSensitive ? "" : "(?i)") + (leading ? "" : "\\b") + quotedParts(core) + (trailing ? "" : "\\b");
            return ExpressionBinder.operator(BinaryOperator.MATCHES_REGEX, term.span(), value, BoundLiteral.of(regex, KqlType.STRING));
        } else if (leading && trailing) {
            operator = caseSensitive ? BinaryOperator.CONTAINS_CS : BinaryOperator.CONTAINS;
        } else if (leading) {
            operator = caseSensitive ? BinaryOperator.HASSUFFIX_CS : BinaryOperator.HASSUFFIX;
        } else if (trailing) {
            operator = caseSensitive ? BinaryOperator.HASPREFIX_CS : BinaryOperator.HASPREFIX;
        } else {
            operator = caseSensitive ? BinaryOperator.HAS_CS : BinaryOperator.HAS;
        }
        return ExpressionBinder.operator(operator, term.span(), value, BoundLiteral.of(core, KqlType.STRING));
    }

    /** The text between asterisks as literal regex text, the asterisks as {@code .*}. */
    private static String quotedParts(String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else {
                if (REGEX_SPECIAL.indexOf(c) >= 0) {
                    regex.append('\\');
                }
                regex.append(c);
            }
        }
        return regex.toString();
    }
}
