package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/** The groups of types that several declarations range over. */
final class TypeSets {
    /** Types with an order, usable in comparisons, min/max and sorting. */
    static final List<KqlType> ORDERED = List.of(KqlType.BOOL, KqlType.INT, KqlType.LONG, KqlType.REAL, KqlType.DECIMAL,
            KqlType.STRING, KqlType.DATETIME, KqlType.TIMESPAN, KqlType.GUID);

    /** Types with equality. */
    static final List<KqlType> EQUATABLE = ORDERED;

    static final List<KqlType> NUMBERS = List.of(KqlType.INT, KqlType.LONG, KqlType.REAL, KqlType.DECIMAL);

    private TypeSets() {
    }
}
