package dev.vigil.server.api.functions;

import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.workspace.api.StoredFunctionDefinition;
import java.util.Optional;

/**
 * The body of a save-function request: {@code {"parameters","body","category","displayName"}};
 * only {@code body} is required. The name comes from the path.
 */
record FunctionBodyJson(String parameters, String body, String category, String displayName) {

    /** Checks the request's form; the workspace checks the rest (name, compilation). */
    StoredFunctionDefinition toDefinition(String name) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("The function needs a 'body' with its KQL, e.g. {\"body\":\"SecurityAlert | where AlertSeverity == 'High'\"}.");
        }
        return new StoredFunctionDefinition(name, parameters == null ? "" : parameters, body,
                label(category), label(displayName));
    }

    private static Optional<String> label(String text) {
        return Optional.ofNullable(text).filter(t -> !t.isBlank());
    }
}
