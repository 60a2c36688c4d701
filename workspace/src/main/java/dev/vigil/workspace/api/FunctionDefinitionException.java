package dev.vigil.workspace.api;

import dev.vigil.kql.diagnostics.KqlDiagnostic;
import java.util.List;
import java.util.Optional;

/**
 * A stored function that cannot be saved: a bad or taken name, or a parameter list or body that
 * does not compile. For the latter, the diagnostics' offsets, lines and columns count from the
 * start of {@link #part()}, not of any query.
 */
public final class FunctionDefinitionException extends WorkspaceException {
    private final Optional<FunctionPart> part;
    private final List<KqlDiagnostic> diagnostics;

    /** A problem with the function as a whole, e.g. its name. */
    public FunctionDefinitionException(String message) {
        super(message);
        this.part = Optional.empty();
        this.diagnostics = List.of();
    }

    /** The parameters or body do not compile; {@code diagnostics} is not empty. */
    public FunctionDefinitionException(String message, FunctionPart part, List<KqlDiagnostic> diagnostics) {
        super(message);
        this.part = Optional.of(part);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Where the diagnostics' positions count from; empty when there are no diagnostics. */
    public Optional<FunctionPart> part() {
        return part;
    }

    public List<KqlDiagnostic> diagnostics() {
        return diagnostics;
    }

    @Override
    public String code() {
        return "InvalidFunctionDefinition";
    }
}
