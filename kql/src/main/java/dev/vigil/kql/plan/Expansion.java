package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundExpression;

/** One expanded value of {@code mv-expand}: the dynamic array or bag, and the column its elements (dynamic) go to. */
public record Expansion(String name, BoundExpression source) {
}
