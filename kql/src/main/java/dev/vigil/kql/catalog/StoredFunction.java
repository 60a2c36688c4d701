package dev.vigil.kql.catalog;

import java.util.Objects;

/**
 * A function saved in the workspace, such as a Sentinel parser, callable by name.
 *
 * @param name the name queries call it by (case-sensitive)
 * @param parameters the parameter list as written, e.g. {@code (T:(*), lookback:timespan = 1d)};
 *     empty for a function without parameters
 * @param body the body as written: optional {@code let} statements and the result expression, without braces
 */
public record StoredFunction(String name, String parameters, String body) {
    public StoredFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(body, "body");
    }
}
