package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;

/** One of the values of a {@link MultiValueFunction}: its key in the bag (and column name suffix) and its type. */
public record ResultPart(String name, KqlType type) {
}
