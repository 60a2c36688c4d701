package dev.vigil.kql.syntax;

import java.util.List;

/**
 * {@code (parameters) { lets; result }}: a user function, from {@code let} or stored in the workspace.
 *
 * @param lets the {@code let} statements of the body, in order
 * @param result the body's last statement, its value
 */
public record FunctionDefinition(List<Parameter> parameters, List<LetStatement> lets, LetValue result, Span span)
        implements LetValue {
    public FunctionDefinition {
        parameters = List.copyOf(parameters);
        lets = List.copyOf(lets);
    }
}
