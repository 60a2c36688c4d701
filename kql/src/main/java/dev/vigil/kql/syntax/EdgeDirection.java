package dev.vigil.kql.syntax;

/** How a pattern edge runs between the node on its left and the node on its right. */
public enum EdgeDirection {
    /** {@code -->}: from the left node to the right node. */
    LEFT_TO_RIGHT,
    /** {@code <--}: from the right node to the left node. */
    RIGHT_TO_LEFT,
    /** {@code --}: either way. */
    ANY
}
