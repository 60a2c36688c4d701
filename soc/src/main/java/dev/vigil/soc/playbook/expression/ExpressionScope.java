package dev.vigil.soc.playbook.expression;

import dev.vigil.kql.types.KqlType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The variables an expression can name at one place of a playbook, with their KQL types, in the order they were bound. */
public record ExpressionScope(Map<String, KqlType> variables) {
    public ExpressionScope {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    public static ExpressionScope of(Map<String, KqlType> variables) {
        return new ExpressionScope(variables);
    }

    public ExpressionScope with(String name, KqlType type) {
        Map<String, KqlType> next = new LinkedHashMap<>(variables);
        next.remove(name);
        next.put(name, type);
        return new ExpressionScope(next);
    }

    public boolean has(String name) {
        return variables.containsKey(name);
    }
}
