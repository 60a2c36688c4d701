package dev.vigil.kql.syntax;

import java.util.Optional;

/** A column that {@code scan ... declare (...)} adds: {@code Name:type [= Default]}. */
public record ScanDeclaration(Identifier name, String typeName, Span typeSpan, Optional<Expression> defaultValue) {
}
