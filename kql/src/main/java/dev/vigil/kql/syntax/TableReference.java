package dev.vigil.kql.syntax;

/** A table named at the start of a pipe. */
public record TableReference(String name, Span span) {
}
