package dev.vigil.kql.syntax;

/**
 * One equality of {@code on}: {@code Col} (the same name on both sides) or
 * {@code $left.A == $right.B}.
 */
public record JoinCondition(Identifier left, Identifier right, Span span) {
}
