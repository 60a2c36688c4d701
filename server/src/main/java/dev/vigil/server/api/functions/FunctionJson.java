package dev.vigil.server.api.functions;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.workspace.api.StoredFunctionDefinition;

/** A stored function as {@code /api/workspaces/{ws}/functions} shows it; absent labels are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FunctionJson(String name, String parameters, String body, String category, String displayName) {
    static FunctionJson of(StoredFunctionDefinition function) {
        return new FunctionJson(function.name(), function.parameters(), function.body(),
                function.category().orElse(null), function.displayName().orElse(null));
    }
}
