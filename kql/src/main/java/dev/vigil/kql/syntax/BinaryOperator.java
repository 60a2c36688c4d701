package dev.vigil.kql.syntax;

/** The infix operators, spelled as in KQL. */
public enum BinaryOperator {
    OR("or"),
    AND("and"),
    EQUAL("=="),
    NOT_EQUAL("!="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    EQUAL_TILDE("=~"),
    NOT_EQUAL_TILDE("!~"),
    HAS("has"),
    NOT_HAS("!has"),
    CONTAINS("contains"),
    NOT_CONTAINS("!contains"),
    STARTSWITH("startswith"),
    NOT_STARTSWITH("!startswith"),
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    MODULO("%");

    private final String text;

    BinaryOperator(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
