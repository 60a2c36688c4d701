package dev.vigil.iot.routing.condition;

/**
 * A token of a route condition.
 *
 * @param text the token as written, except a string's, which is its value with escapes resolved
 * @param offset where the token starts in the condition, 0-based
 */
record ConditionToken(Kind kind, String text, int offset) {

    enum Kind {
        /** A name: a function, an application property or a keyword ({@code AND}, {@code true}, ...). */
        NAME,
        /** {@code $} and a name: a system property, {@code $body} or {@code $twin}. */
        DOLLAR_NAME,
        NUMBER,
        STRING,
        SYMBOL,
        END
    }

    boolean is(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.NAME && text.equalsIgnoreCase(keyword);
    }

    /** How an error message names it. */
    String describe() {
        return switch (kind) {
            case END -> "the end of the condition";
            case STRING -> "the string '" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
