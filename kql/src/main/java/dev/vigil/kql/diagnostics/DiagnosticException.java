package dev.vigil.kql.diagnostics;

import dev.vigil.kql.syntax.Span;

/**
 * Stops a compilation stage at its first error. Caught by {@code Kql.compile}, which turns it into a
 * positioned {@link KqlDiagnostic}; it never reaches callers of the module.
 */
public final class DiagnosticException extends RuntimeException {
    private final transient DiagnosticFact fact;
    private final transient Span span;

    public DiagnosticException(DiagnosticFact fact, Span span) {
        super(fact.code() + ": " + fact.message(), null, false, false);
        this.fact = fact;
        this.span = span;
    }

    public DiagnosticFact fact() {
        return fact;
    }

    public Span span() {
        return span;
    }
}
