package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import dev.vigil.kql.syntax.TopNestedLevel;
import dev.vigil.kql.syntax.TopNestedOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code top-nested [n] of key [with others = v] by aggregate [asc|desc], top-nested ...}. */
final class TopNestedParser {
    private TopNestedParser() {
    }

    static TopNestedOperator topNested(KqlParser parser, Token keyword) {
        List<TopNestedLevel> levels = new ArrayList<>();
        Span span = keyword.span();
        levels.add(level(parser, keyword));
        while (parser.current().is(TokenKind.COMMA)) {
            parser.advance();
            Token next = parser.advance();
            if (!next.isWord("top") || !parser.current().is(TokenKind.MINUS)) {
                throw new DiagnosticException(DiagnosticFacts.expected("'top-nested'", KqlParser.describe(next)), next.span());
            }
            parser.advance();
            parser.expectWord("nested");
            levels.add(level(parser, next));
        }
        span = span.to(KqlParser.last(levels).span());
        return new TopNestedOperator(levels, span);
    }

    private static TopNestedLevel level(KqlParser parser, Token keyword) {
        Optional<Expression> count = Optional.empty();
        if (!parser.current().isWord("of")) {
            count = Optional.of(parser.expression());
        }
        parser.expectWord("of");
        ColumnAssignment key = parser.assignment();
        Optional<Expression> others = Optional.empty();
        if (parser.current().isWord("with") && parser.peek(1).isWord("others")) {
            parser.advance();
            parser.advance();
            parser.expect(TokenKind.ASSIGN, "'='");
            others = Optional.of(parser.expression());
        }
        parser.expectWord("by");
        ColumnAssignment aggregate = parser.assignment();
        boolean ascending = false;
        Span span = keyword.span().to(aggregate.span());
        if (parser.current().isWord("asc") || parser.current().isWord("desc")) {
            ascending = parser.current().text().equals("asc");
            span = span.to(parser.advance().span());
        }
        return new TopNestedLevel(count, key, others, aggregate, ascending, span);
    }
}
