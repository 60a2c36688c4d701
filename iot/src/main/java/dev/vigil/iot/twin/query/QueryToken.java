package dev.vigil.iot.twin.query;

/**
 * A token of a twin query.
 *
 * @param column where it starts, 1-based, for error messages
 */
record QueryToken(Kind kind, String text, int column) {
    enum Kind { IDENTIFIER, NUMBER, STRING, SYMBOL, END }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    String describe() {
        return kind == Kind.END ? "the end of the query" : "'" + text + "'";
    }
}
