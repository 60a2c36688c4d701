package dev.vigil.kql.syntax;

import java.util.Optional;

/** A column named in {@code find ... project}: {@code Name} or {@code Name:type}. */
public record FindColumn(Identifier name, Optional<Token> type) {
}
