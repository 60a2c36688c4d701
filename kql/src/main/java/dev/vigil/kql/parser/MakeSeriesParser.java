package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.MakeSeriesAggregate;
import dev.vigil.kql.syntax.MakeSeriesOperator;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code make-series aggregates on Axis (from a to b step s | in range(a, b, s)) [by groups]}. */
final class MakeSeriesParser {
    private MakeSeriesParser() {
    }

    static MakeSeriesOperator makeSeries(KqlParser parser, Token keyword) {
        Token kind = parser.options(List.of("kind")).get("kind");
        if (kind != null && !kind.text().equalsIgnoreCase("nonempty")) {
            throw new DiagnosticException(DiagnosticFacts.expected("nonempty", kind.text()), kind.span());
        }
        List<MakeSeriesAggregate> aggregates = new ArrayList<>();
        do {
            if (!aggregates.isEmpty()) {
                parser.advance();
            }
            ColumnAssignment aggregate = parser.assignment();
            Optional<Expression> defaultValue = Optional.empty();
            if (parser.current().isWord("default") && parser.peek(1).is(TokenKind.ASSIGN)) {
                parser.advance();
                parser.advance();
                defaultValue = Optional.of(parser.expression());
            }
            aggregates.add(new MakeSeriesAggregate(aggregate, defaultValue));
        } while (parser.current().is(TokenKind.COMMA));
        parser.expectWord("on");
        // in "on Axis in range(...)" the axis is a name; "in" must not be read as the in operator
        Expression axis = parser.current().is(TokenKind.IDENTIFIER) && parser.peek(1).isWord("in")
                ? parser.identifierExpression() : parser.expression();
        Optional<Expression> from = Optional.empty();
        Optional<Expression> to = Optional.empty();
        Expression step;
        if (parser.current().isWord("in")) {
            Token in = parser.advance();
            Expression range = parser.expression();
            if (!(range instanceof FunctionCall call) || !call.name().equals("range") || call.arguments().size() != 3) {
                throw new DiagnosticException(DiagnosticFacts.expected("range(start, stop, step)", in.text()), range.span());
            }
            from = Optional.of(call.arguments().get(0));
            to = Optional.of(call.arguments().get(1));
            step = call.arguments().get(2);
        } else {
            if (parser.current().isWord("from")) {
                parser.advance();
                from = Optional.of(parser.expression());
            }
            if (parser.current().isWord("to")) {
                parser.advance();
                to = Optional.of(parser.expression());
            }
            parser.expectWord("step");
            step = parser.expression();
        }
        Span span = keyword.span().to(step.span());
        List<ColumnAssignment> groups = List.of();
        if (parser.current().isWord("by")) {
            parser.advance();
            groups = parser.assignments();
            span = span.to(KqlParser.last(groups).span());
        }
        return new MakeSeriesOperator(aggregates, axis, from, to, step, groups, kind != null, span);
    }
}
