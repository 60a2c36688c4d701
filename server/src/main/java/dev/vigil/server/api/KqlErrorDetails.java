package dev.vigil.server.api;

import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.kql.diagnostics.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code innererror} of a query that does not compile, as the Log Analytics API shapes it:
 * {@code SyntaxError} or {@code SemanticError} with the first error's {@code line} and
 * {@code pos} (1-based column), followed by every diagnostic. The console's editor underlines
 * these too.
 */
public final class KqlErrorDetails {
    private KqlErrorDetails() {
    }

    public static Map<String, Object> of(List<KqlDiagnostic> diagnostics) {
        Map<String, Object> inner = new LinkedHashMap<>();
        KqlDiagnostic first = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).findFirst()
                .orElse(diagnostics.isEmpty() ? null : diagnostics.get(0));
        if (first == null) {
            inner.put("code", "SyntaxError");
            inner.put("message", "The query is not valid KQL.");
            return inner;
        }
        inner.put("code", isSyntaxError(first) ? "SyntaxError" : "SemanticError");
        inner.put("message", first.message());
        inner.put("line", first.line());
        inner.put("pos", first.column());
        inner.put("diagnostics", diagnostics.stream().map(KqlErrorDetails::describe).toList());
        return inner;
    }

    /**
     * Kusto numbers its parser's diagnostics below KS100 and the binder's from KS100 on
     * (e.g. KS142, an unknown name); the compiler follows that numbering.
     */
    static boolean isSyntaxError(KqlDiagnostic diagnostic) {
        String code = diagnostic.code();
        if (code == null || !code.startsWith("KS")) {
            return false;
        }
        try {
            return Integer.parseInt(code.substring(2)) < 100;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Map<String, Object> describe(KqlDiagnostic d) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", d.code());
        entry.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
        entry.put("message", d.message());
        entry.put("line", d.line());
        entry.put("pos", d.column());
        entry.put("start", d.start());
        entry.put("length", d.length());
        return entry;
    }
}
