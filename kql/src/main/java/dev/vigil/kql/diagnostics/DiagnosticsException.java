package dev.vigil.kql.diagnostics;

import java.util.Comparator;
import java.util.List;

/**
 * Ends binding with every independent error found, in text order. Caught by {@code Kql.compile};
 * it never reaches callers of the module.
 */
public final class DiagnosticsException extends RuntimeException {
    private final transient List<DiagnosticException> errors;

    public DiagnosticsException(List<DiagnosticException> errors) {
        super(errors.size() + " errors", null, false, false);
        this.errors = errors.stream().sorted(Comparator.comparingInt(e -> e.span().start())).toList();
    }

    public List<DiagnosticException> errors() {
        return errors;
    }
}
