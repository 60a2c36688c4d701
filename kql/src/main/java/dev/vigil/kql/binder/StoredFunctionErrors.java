package dev.vigil.kql.binder;

import dev.vigil.kql.catalog.StoredFunction;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFact;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.parser.KqlParser;
import dev.vigil.kql.syntax.SourceText;
import dev.vigil.kql.syntax.Span;

/**
 * Places in a stored function's text. The parser reads a stored function as its parameter list
 * followed by {@code {body}} ({@link KqlParser#parseFunction}), so an offset counts from there;
 * users know the parameters and the body as two separate texts.
 */
final class StoredFunctionErrors {
    private StoredFunctionErrors() {
    }

    /** The error, reworded to be reported at a call of the function. */
    static DiagnosticFact describe(StoredFunction function, DiagnosticException error) {
        return DiagnosticFacts.inStoredFunction(function.name(), place(function, error.span()), error.fact());
    }

    /** "line L:C of its body", or "line L:C of its parameters". */
    static String place(StoredFunction function, Span span) {
        String parameters = KqlParser.functionParameterText(function.parameters());
        int bodyStart = parameters.length() + 1;
        if (span.start() < bodyStart) {
            SourceText text = new SourceText(parameters);
            return "line " + text.line(span.start()) + ":" + text.column(span.start()) + " of its parameters";
        }
        SourceText body = new SourceText(function.body());
        int offset = Math.min(span.start() - bodyStart, function.body().length());
        return "line " + body.line(offset) + ":" + body.column(offset) + " of its body";
    }
}
