package dev.vigil.kql.plan;

import dev.vigil.kql.functions.FunctionDeclaration;

/**
 * A join condition besides the key equalities: the left column's IP address matches the right column's address
 * or range, by {@code test} ({@code ipv4_is_match} or {@code ipv6_is_match}), as {@code evaluate ipv4_lookup} joins.
 */
public record AddressMatch(String left, String right, FunctionDeclaration test) {
}
