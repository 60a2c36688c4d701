package dev.vigil.soc.playbook;

import dev.vigil.kql.types.KqlType;
import dev.vigil.soc.playbook.expression.Expression;
import java.util.Objects;

/** A variable of the playbook: its expression is evaluated once when a run starts; {@code type} is what the expression compiled to. */
public record PlaybookVariable(String name, Expression expression, KqlType type) {
    public PlaybookVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(type, "type");
    }
}
