package dev.vigil.kql.diagnostics;

import dev.vigil.kql.syntax.SourceText;
import dev.vigil.kql.syntax.Span;

/** A coded message not yet tied to a place in the text. Created only by {@link DiagnosticFacts}. */
public record DiagnosticFact(String code, String message) {

    public KqlDiagnostic at(SourceText source, Span span) {
        int start = Math.min(span.start(), source.length());
        int length = Math.max(1, Math.min(span.length(), source.length() - start));
        if (source.length() == 0) {
            length = 0;
        }
        return new KqlDiagnostic(code, Severity.ERROR, message, start, length, source.line(start), source.column(start));
    }
}
