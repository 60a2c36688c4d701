package dev.vigil.kql.syntax;

import java.util.List;

/** One comma-separated sequence of a graph pattern: nodes joined by edges, {@code edges.get(i)} between nodes i and i + 1. */
public record PatternSequence(List<NodePattern> nodes, List<EdgePattern> edges, Span span) {
    public PatternSequence {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        if (nodes.size() != edges.size() + 1) {
            throw new IllegalArgumentException("a sequence has one node more than edges");
        }
    }
}
