package dev.vigil.kql.syntax;

/** The operators whose right side is a parenthesized list of values. */
public enum ListOperator {
    /** {@code in}: equal to one of the values, case-sensitively. */
    IN("in"),
    /** {@code in~}: equal to one of the values, ignoring case. */
    IN_IGNORING_CASE("in~"),
    /** {@code has_any}: has at least one of the values as a term. */
    HAS_ANY("has_any"),
    /** {@code has_all}: has every one of the values as a term. */
    HAS_ALL("has_all");

    private final String text;

    ListOperator(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
