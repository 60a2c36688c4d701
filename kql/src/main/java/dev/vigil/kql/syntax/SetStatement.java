package dev.vigil.kql.syntax;

/** {@code set option [= value]}: a request option; accepted and ignored, as the query API sets none that matter here. */
public record SetStatement(Identifier option, Span span) implements Statement {
}
