package dev.vigil.kql.binder;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.types.KqlType;

/** Type names written in queries ({@code datatable}, parameters, {@code typeof(...)}, parse captures). */
final class Types {
    private Types() {
    }

    static KqlType resolve(String name, Span span) {
        return KqlType.fromName(name).orElseThrow(() -> new DiagnosticException(DiagnosticFacts.unknownType(name), span));
    }
}
