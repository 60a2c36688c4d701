package dev.vigil.workspace.api;

import dev.vigil.kql.catalog.StoredFunction;
import java.util.Objects;
import java.util.Optional;

/**
 * A function saved in a workspace, as Sentinel's parsers are: queries call it by name.
 *
 * @param name the name queries call it by (case-sensitive), e.g. {@code DeviceAlerts}
 * @param parameters the parameter list as written, e.g. {@code (T:(TimeGenerated:datetime), lookback:timespan = 1h)};
 *     empty for a function without parameters
 * @param body optional {@code let} statements and the result expression, without braces
 * @param category a free label for grouping, e.g. {@code Parsers}
 * @param displayName a readable name for lists
 */
public record StoredFunctionDefinition(String name, String parameters, String body, Optional<String> category,
                                       Optional<String> displayName) {
    public StoredFunctionDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(displayName, "displayName");
    }

    /** A function without parameters, category or display name. */
    public static StoredFunctionDefinition of(String name, String body) {
        return new StoredFunctionDefinition(name, "", body, Optional.empty(), Optional.empty());
    }

    /** The function as the KQL compiler sees it. */
    public StoredFunction toStoredFunction() {
        return new StoredFunction(name, parameters, body);
    }
}
