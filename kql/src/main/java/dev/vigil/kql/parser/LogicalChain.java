package dev.vigil.kql.parser;

import dev.vigil.kql.syntax.BinaryExpression;
import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of one logical operator, {@code a or b or c ...}, built as a balanced tree rather than a
 * left-deep one: {@code and} and {@code or} are associative, so the meaning is the same, and a
 * flat list of a thousand terms stays about ten levels deep for every stage that walks the tree.
 * Two and three terms keep the left-deep shape that a plain parse gives.
 */
final class LogicalChain {
    private final BinaryOperator operator;
    private final List<Expression> terms = new ArrayList<>();
    /** {@code operatorSpans.get(i)} points at the operator before {@code terms.get(i + 1)}. */
    private final List<Span> operatorSpans = new ArrayList<>();

    LogicalChain(BinaryOperator operator, Expression first) {
        this.operator = operator;
        terms.add(first);
    }

    BinaryOperator operator() {
        return operator;
    }

    void add(Span operatorSpan, Expression term) {
        operatorSpans.add(operatorSpan);
        terms.add(term);
    }

    Expression balanced() {
        return balanced(0, terms.size() - 1);
    }

    private Expression balanced(int first, int last) {
        if (first == last) {
            return terms.get(first);
        }
        int split = (first + last) / 2 + 1;
        Expression left = balanced(first, split - 1);
        Expression right = balanced(split, last);
        return new BinaryExpression(operator, operatorSpans.get(split - 1), left, right, left.span().to(right.span()));
    }
}
