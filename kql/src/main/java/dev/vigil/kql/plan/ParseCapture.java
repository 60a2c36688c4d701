package dev.vigil.kql.plan;

import dev.vigil.kql.types.KqlType;

/** A column {@code parse} fills from one capture group. */
public record ParseCapture(String name, KqlType type) {
}
