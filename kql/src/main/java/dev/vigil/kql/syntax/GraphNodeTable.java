package dev.vigil.kql.syntax;

/** {@code Nodes on Id} of {@code make-graph}: a table whose rows are nodes, identified by column {@code id}. */
public record GraphNodeTable(TabularExpression nodes, Identifier id, Span span) {
}
