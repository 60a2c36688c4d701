package dev.vigil.server.console.analytics;

import java.util.List;
import java.util.Optional;

/**
 * The columns of the rule query's results, which entity mappings, custom details and alert
 * details pick from.
 *
 * @param problem why there are none to pick: the query is empty or does not compile
 */
public record ResultColumns(List<String> names, Optional<String> problem) {
    public ResultColumns {
        names = List.copyOf(names);
    }
}
