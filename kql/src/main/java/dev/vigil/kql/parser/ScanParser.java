package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.ScanDeclaration;
import dev.vigil.kql.syntax.ScanOperator;
import dev.vigil.kql.syntax.ScanStep;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code scan [with_match_id = Name] [declare (Name:type [= Default], ...)] with (step Name [output = all|last|none]:
 * Condition [=> Column = Expression, ...]; ...)}.
 */
final class ScanParser {
    private ScanParser() {
    }

    static ScanOperator scan(KqlParser parser, Token keyword) {
        Map<String, Token> options = parser.options(List.of("with_match_id"));
        Optional<Identifier> matchId = Optional.ofNullable(options.get("with_match_id")).map(t -> new Identifier(t.value(), t.span()));
        List<ScanDeclaration> declarations = new ArrayList<>();
        if (parser.current().isWord("declare")) {
            parser.advance();
            parser.expect(TokenKind.OPEN_PAREN, "'('");
            do {
                if (!declarations.isEmpty()) {
                    parser.advance();
                }
                Identifier name = parser.identifier("a column name");
                parser.expect(TokenKind.COLON, "':'");
                Token type = parser.typeName();
                Optional<Expression> defaultValue = Optional.empty();
                if (parser.current().is(TokenKind.ASSIGN)) {
                    parser.advance();
                    defaultValue = Optional.of(parser.expression());
                }
                declarations.add(new ScanDeclaration(name, type.text(), type.span(), defaultValue));
            } while (parser.current().is(TokenKind.COMMA));
            parser.expect(TokenKind.CLOSE_PAREN, "')'");
        }
        parser.expectWord("with");
        parser.expect(TokenKind.OPEN_PAREN, "'('");
        List<ScanStep> steps = new ArrayList<>();
        do {
            steps.add(step(parser));
        } while (parser.current().isWord("step"));
        Token close = parser.expect(TokenKind.CLOSE_PAREN, "')'");
        return new ScanOperator(matchId, declarations, steps, keyword.span().to(close.span()));
    }

    private static ScanStep step(KqlParser parser) {
        Token start = parser.current();
        parser.expectWord("step");
        Identifier name = parser.identifier("a step name");
        Optional<Identifier> output = Optional.empty();
        if (parser.current().isWord("output") && parser.peek(1).is(TokenKind.ASSIGN)) {
            parser.advance();
            parser.advance();
            output = Optional.of(parser.identifier("all, last or none"));
        }
        parser.expect(TokenKind.COLON, "':'");
        Expression condition = parser.expression();
        List<ColumnAssignment> assignments = new ArrayList<>();
        if (parser.current().is(TokenKind.ASSIGN) && parser.peek(1).is(TokenKind.GREATER)
                && KqlParser.isAdjacent(parser.current(), parser.peek(1))) {
            parser.advance();
            parser.advance();
            do {
                if (!assignments.isEmpty()) {
                    parser.advance();
                }
                ColumnAssignment assignment = parser.assignment();
                if (assignment.name().isEmpty()) {
                    throw new DiagnosticException(DiagnosticFacts.expected("Column = Expression", "an expression"), assignment.span());
                }
                assignments.add(assignment);
            } while (parser.current().is(TokenKind.COMMA));
        }
        Token end = parser.expect(TokenKind.SEMICOLON, "';'");
        return new ScanStep(name, output, condition, assignments, start.span().to(end.span()));
    }
}
