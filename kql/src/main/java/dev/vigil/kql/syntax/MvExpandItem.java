package dev.vigil.kql.syntax;

import java.util.Optional;

/** One expanded value of {@code mv-expand}: {@code [Name =] expression [to typeof(type)]}. */
public record MvExpandItem(Optional<Identifier> name, Expression expression, Optional<String> typeName, Span span) {
}
