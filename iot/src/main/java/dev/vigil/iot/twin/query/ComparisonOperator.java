package dev.vigil.iot.twin.query;

import java.util.Arrays;
import java.util.Optional;

enum ComparisonOperator {
    EQUAL("="), NOT_EQUAL("!="), NOT_EQUAL_SQL("<>"), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    static Optional<ComparisonOperator> of(String symbol) {
        return Arrays.stream(values()).filter(o -> o.symbol.equals(symbol)).findFirst();
    }

    boolean isEquality() {
        return this == EQUAL || this == NOT_EQUAL || this == NOT_EQUAL_SQL;
    }

    /** Whether two values whose order is {@code order} (as {@link Comparable#compareTo}) satisfy it. */
    boolean accepts(int order) {
        return switch (this) {
            case EQUAL -> order == 0;
            case NOT_EQUAL, NOT_EQUAL_SQL -> order != 0;
            case LESS -> order < 0;
            case LESS_OR_EQUAL -> order <= 0;
            case GREATER -> order > 0;
            case GREATER_OR_EQUAL -> order >= 0;
        };
    }
}
