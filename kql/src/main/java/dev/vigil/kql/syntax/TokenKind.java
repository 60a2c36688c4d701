package dev.vigil.kql.syntax;

/** The kinds of tokens the lexer produces. Keywords are identifiers; the parser reads them in context. */
public enum TokenKind {
    IDENTIFIER("identifier"),
    BRACKETED_NAME("['name']"),
    LONG_LITERAL("number"),
    REAL_LITERAL("number"),
    STRING_LITERAL("string"),
    TIMESPAN_LITERAL("timespan"),
    DATETIME_LITERAL("datetime"),
    GUID_LITERAL("guid"),
    PIPE("|"),
    COMMA(","),
    SEMICOLON(";"),
    OPEN_PAREN("("),
    CLOSE_PAREN(")"),
    OPEN_BRACKET("["),
    CLOSE_BRACKET("]"),
    OPEN_BRACE("{"),
    CLOSE_BRACE("}"),
    COLON(":"),
    DOT("."),
    DOT_DOT(".."),
    ASSIGN("="),
    EQUAL("=="),
    NOT_EQUAL("!="),
    EQUAL_TILDE("=~"),
    NOT_EQUAL_TILDE("!~"),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    PLUS("+"),
    MINUS("-"),
    STAR("*"),
    SLASH("/"),
    PERCENT("%"),
    BANG("!"),
    END_OF_TEXT("end of query");

    private final String display;

    TokenKind(String display) {
        this.display = display;
    }

    /** How the token is named in messages. */
    public String display() {
        return display;
    }
}
