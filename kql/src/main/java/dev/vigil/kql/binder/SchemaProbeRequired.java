package dev.vigil.kql.binder;

import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.types.KqlType;
import java.util.Optional;

/**
 * Stops binding at a data-dependent operator whose output columns are neither declared nor
 * discovered yet. {@code Kql.compile} turns it into a {@code SchemaProbe}; it never reaches callers
 * of the module.
 */
public final class SchemaProbeRequired extends RuntimeException {
    /** Past this many discovered columns the query is refused rather than made unreadably wide. */
    public static final int MAX_COLUMNS = 1000;

    private final transient String place;
    private final transient String operator;
    private final transient LogicalOperator values;
    private final transient Optional<KqlType> valueType;

    /**
     * @param values the operator's input reduced to one column, {@code __probe}: the bag to unpack,
     *     or the pivot value as a string
     * @param valueType the type of every discovered column (pivot), or empty when the data decides it (bag_unpack)
     */
    SchemaProbeRequired(String place, String operator, LogicalOperator values, Optional<KqlType> valueType) {
        super("the columns of " + operator + " at " + place + " depend on the data", null, false, false);
        this.place = place;
        this.operator = operator;
        this.values = values;
        this.valueType = valueType;
    }

    public String place() {
        return place;
    }

    public String operator() {
        return operator;
    }

    public LogicalOperator values() {
        return values;
    }

    public Optional<KqlType> valueType() {
        return valueType;
    }
}
