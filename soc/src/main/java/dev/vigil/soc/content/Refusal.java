package dev.vigil.soc.content;

import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.workspace.api.FunctionDefinitionException;
import dev.vigil.workspace.api.KqlQueryException;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Why an item was not saved.
 *
 * @param line where in the item's query (or function body) the problem is, 1-based, for KQL errors
 * @param column the column on that line, 1-based
 */
public record Refusal(RefusalReason reason, String message, OptionalInt line, OptionalInt column) {
    /** The compiler's codes for a table or function it does not know (Kusto's KS204 and KS122). */
    private static final Set<String> MISSING_NAME_CODES = Set.of("KS204", "KS122");

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(column, "column");
    }

    public static Refusal of(RefusalReason reason, String message) {
        return new Refusal(reason, message, OptionalInt.empty(), OptionalInt.empty());
    }

    /** A rule's query that does not compile: the first error, where it is in the query. */
    static Refusal of(KqlQueryException e) {
        return ofDiagnostics(e.diagnostics(), "the query", e.getMessage());
    }

    /** A function that does not compile, or whose name is refused. */
    static Refusal of(FunctionDefinitionException e) {
        return ofDiagnostics(e.diagnostics(), "the function", e.getMessage());
    }

    private static Refusal ofDiagnostics(List<KqlDiagnostic> diagnostics, String what, String fallback) {
        if (diagnostics.isEmpty()) {
            return of(RefusalReason.KqlError, fallback);
        }
        KqlDiagnostic first = diagnostics.get(0);
        RefusalReason reason = MISSING_NAME_CODES.contains(first.code()) ? RefusalReason.MissingTableOrFunction : RefusalReason.KqlError;
        return new Refusal(reason, what + " does not compile: " + first.describe() + " [" + first.code() + "]",
                OptionalInt.of(first.line()), OptionalInt.of(first.column()));
    }

    /** Whether saving again may succeed once other items of the same import are in place. */
    boolean mayDependOnOtherItems() {
        return reason == RefusalReason.MissingTableOrFunction || message.contains("[KS142]") || message.contains("[KS210]");
    }
}
