package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.types.KqlType;

/**
 * One expanded value of {@code mv-expand}: the dynamic array or bag, the column its elements go to,
 * and their type there (dynamic, or the type of {@code to typeof(t)}: elements not of it become null).
 */
public record Expansion(String name, BoundExpression source, KqlType type) {
}
