package dev.vigil.kql.syntax;

/** {@code Name:type} as written in {@code datatable}, tabular parameters and output schemas. */
public record ColumnDeclaration(Identifier name, String typeName, Span typeSpan) {
}
