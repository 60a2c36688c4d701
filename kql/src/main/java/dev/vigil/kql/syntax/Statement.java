package dev.vigil.kql.syntax;

/** A statement of a query; {@code let} statements join this family later. */
public sealed interface Statement permits QueryStatement {
    Span span();
}
