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
    HAS_CS("has_cs"),
    NOT_HAS_CS("!has_cs"),
    HASPREFIX("hasprefix"),
    NOT_HASPREFIX("!hasprefix"),
    HASPREFIX_CS("hasprefix_cs"),
    NOT_HASPREFIX_CS("!hasprefix_cs"),
    HASSUFFIX("hassuffix"),
    NOT_HASSUFFIX("!hassuffix"),
    HASSUFFIX_CS("hassuffix_cs"),
    NOT_HASSUFFIX_CS("!hassuffix_cs"),
    CONTAINS_CS("contains_cs"),
    NOT_CONTAINS_CS("!contains_cs"),
    STARTSWITH_CS("startswith_cs"),
    NOT_STARTSWITH_CS("!startswith_cs"),
    ENDSWITH("endswith"),
    NOT_ENDSWITH("!endswith"),
    ENDSWITH_CS("endswith_cs"),
    NOT_ENDSWITH_CS("!endswith_cs"),
    MATCHES_REGEX("matches regex"),
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

    /** The operator spelled {@code word}, or {@code !word} when negated (string operators only). */
    public static java.util.Optional<BinaryOperator> fromWord(String word, boolean negated) {
        String spelled = negated ? "!" + word : word;
        for (BinaryOperator operator : values()) {
            if (operator.text.equals(spelled) && Character.isLetter(operator.text.charAt(negated ? 1 : 0))
                    && operator != OR && operator != AND) {
                return java.util.Optional.of(operator);
            }
        }
        return java.util.Optional.empty();
    }
}
