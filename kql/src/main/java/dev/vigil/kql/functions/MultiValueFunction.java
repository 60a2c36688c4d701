package dev.vigil.kql.functions;

import java.util.List;

/**
 * A function that gives several values, as {@code series_stats} does: Kusto spreads them over
 * columns ({@code extend (a, b) = f(x)}, or {@code f(x)} unnamed giving {@code f_x_part} columns).
 * Here the values are computed as one property bag ({@code bag}, which takes the function's
 * arguments) and each column reads its part of it. The function's own registered declaration
 * gives only the first part.
 */
public record MultiValueFunction(FunctionDeclaration bag, List<ResultPart> parts) {
    public MultiValueFunction {
        parts = List.copyOf(parts);
    }

    /** The KQL name: the bag's name without its {@code _dynamic} or {@code _bag} ending. */
    public String name() {
        return bag.name().replaceFirst("_(dynamic|bag)$", "");
    }
}
