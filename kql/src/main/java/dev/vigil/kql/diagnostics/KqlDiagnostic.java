package dev.vigil.kql.diagnostics;

/**
 * A positioned message about a query.
 *
 * @param code a stable code in Kusto's style, e.g. {@code KS142} for an unknown name
 * @param start zero-based character offset into the query text
 * @param length characters covered (at least 1 where there is text to point at)
 * @param line one-based line of {@code start}
 * @param column one-based column of {@code start}
 */
public record KqlDiagnostic(String code, Severity severity, String message, int start, int length, int line, int column) {

    /** {@code line 3:7: message}, the form printed to users. */
    public String describe() {
        return "line " + line + ":" + column + ": " + message;
    }
}
