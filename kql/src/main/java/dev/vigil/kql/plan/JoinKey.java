package dev.vigil.kql.plan;

/** One equality of a join: the left column equals the right column. */
public record JoinKey(String left, String right) {
}
