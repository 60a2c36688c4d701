package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.TabularExpression;
import dev.vigil.kql.syntax.TabularFunctionCall;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import dev.vigil.kql.syntax.UnionOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code union [kind=...] [withsource=Name] [isfuzzy=true] T1, (T2 | ...), Prefix*}. */
final class UnionParser {
    private static final List<String> OPTIONS = List.of("kind", "withsource", "isfuzzy");

    private UnionParser() {
    }

    static UnionOperator union(KqlParser parser, Token keyword, boolean afterPipe) {
        Map<String, Token> options = parser.options(OPTIONS);
        List<TabularExpression> legs = new ArrayList<>();
        Span span = keyword.span();
        do {
            if (!legs.isEmpty()) {
                parser.advance();
            }
            TabularExpression leg = leg(parser);
            legs.add(leg);
            span = span.to(leg.span());
        } while (parser.current().is(TokenKind.COMMA));
        Optional<Identifier> kind = Optional.ofNullable(options.get("kind")).map(t -> new Identifier(t.value(), t.span()));
        Optional<Identifier> source = Optional.ofNullable(options.get("withsource")).map(t -> new Identifier(t.value(), t.span()));
        boolean fuzzy = Optional.ofNullable(options.get("isfuzzy")).map(t -> t.text().equals("true")).orElse(false);
        return new UnionOperator(kind, source, fuzzy, legs, span);
    }

    /** A leg: a parenthesized tabular expression, a call, or a (wildcard) table name without a pipe. */
    private static TabularExpression leg(KqlParser parser) {
        if (parser.current().is(TokenKind.OPEN_PAREN)) {
            parser.advance();
            TabularExpression inner = parser.tabularExpression();
            parser.expect(TokenKind.CLOSE_PAREN, "')'");
            return inner;
        }
        if (parser.current().is(TokenKind.IDENTIFIER) && parser.peek(1).is(TokenKind.OPEN_PAREN)) {
            Expression call = parser.identifierExpression();
            if (!(call instanceof FunctionCall function)) {
                // a typed literal such as long(null) is not a table
                throw new DiagnosticException(DiagnosticFacts.tabularExpected(), call.span());
            }
            return new TabularFunctionCall(function);
        }
        return parser.tableName();
    }
}
