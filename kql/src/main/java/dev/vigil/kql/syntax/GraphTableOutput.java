package dev.vigil.kql.syntax;

import java.util.Optional;

/**
 * One table of {@code graph-to-table}: the nodes ({@code nodes} true) or the edges, its name ({@code as}), and the
 * columns asked to hold node hashes ({@code with_node_id}, or {@code with_source_id} and {@code with_target_id}).
 */
public record GraphTableOutput(boolean nodes, Optional<Identifier> name, Optional<Identifier> nodeId, Optional<Identifier> sourceId,
                               Optional<Identifier> targetId, Span span) {
}
