package dev.vigil.kql.binder;

import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.ExtendOperator;
import dev.vigil.kql.syntax.SerializeOperator;

/**
 * {@code serialize}: the rows keep their order, so window functions ({@code row_number},
 * {@code prev}, {@code next}, {@code row_cumsum}) may follow; new columns work as in {@code extend}.
 */
final class SerializeBinder {
    private SerializeBinder() {
    }

    static LogicalOperator bind(SerializeOperator serialize, LogicalOperator input, Environment environment) {
        if (serialize.columns().isEmpty()) {
            return input;
        }
        return ExtendBinder.bind(new ExtendOperator(serialize.columns(), serialize.span()), input, environment);
    }
}
