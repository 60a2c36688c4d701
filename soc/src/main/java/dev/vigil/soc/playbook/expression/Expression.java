package dev.vigil.soc.playbook.expression;

import java.util.Objects;

/**
 * A KQL scalar expression as a playbook writes it.
 *
 * @param path where it sits in the playbook document, e.g. {@code steps[2].when}
 * @param offset where the expression starts in the value at {@code path} (0-based), for positions in errors
 */
public record Expression(String text, String path, int offset) {
    public Expression {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(path, "path");
    }

    public static Expression at(String path, String text) {
        return new Expression(text, path, 0);
    }
}
