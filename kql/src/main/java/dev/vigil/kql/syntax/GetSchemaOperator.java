package dev.vigil.kql.syntax;

/** {@code getschema}: one row per input column. */
public record GetSchemaOperator(Span span) implements QueryOperator {
}
