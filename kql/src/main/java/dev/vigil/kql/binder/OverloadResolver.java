package dev.vigil.kql.binder;

import dev.vigil.kql.functions.Signature;
import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Optional;

/**
 * Picks the overload needing the fewest implicit conversions: numbers widen int to long to real
 * (and to decimal), as Kusto promotes them, and a dynamic value converts to the scalar type a
 * parameter needs, preferring real so that a number in a property bag compares as a number.
 * Exact matches win; no match is empty.
 */
final class OverloadResolver {
    private static final int NO_CONVERSION = Integer.MAX_VALUE;
    private static final int FROM_DYNAMIC = 10;

    private OverloadResolver() {
    }

    static Optional<Signature> resolve(List<Signature> signatures, List<KqlType> argumentTypes) {
        Signature best = null;
        int bestCost = NO_CONVERSION;
        for (Signature signature : signatures) {
            if (!signature.accepts(argumentTypes.size())) {
                continue;
            }
            int cost = 0;
            for (int i = 0; i < argumentTypes.size() && cost != NO_CONVERSION; i++) {
                int step = signature.acceptsAnyTypeAt(i) ? 0 : conversionCost(argumentTypes.get(i), signature.parameterType(i));
                cost = step == NO_CONVERSION ? NO_CONVERSION : cost + step;
            }
            if (cost < bestCost) {
                best = signature;
                bestCost = cost;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether an argument of type {@code from} is converted explicitly (in SQL) to reach {@code to}. */
    static boolean needsConversion(KqlType from, KqlType to) {
        return from != to && from == KqlType.DYNAMIC;
    }

    private static int conversionCost(KqlType from, KqlType to) {
        if (from == to) {
            return 0;
        }
        switch (from) {
            case INT:
                return to == KqlType.LONG ? 1 : to == KqlType.REAL ? 2 : to == KqlType.DECIMAL ? 3 : NO_CONVERSION;
            case LONG:
                return to == KqlType.REAL ? 1 : to == KqlType.DECIMAL ? 2 : NO_CONVERSION;
            case DECIMAL:
                return to == KqlType.REAL ? 1 : NO_CONVERSION;
            case DYNAMIC:
                switch (to) {
                    case REAL: return FROM_DYNAMIC - 1;
                    case LONG: return FROM_DYNAMIC + 1;
                    case INT: return FROM_DYNAMIC + 2;
                    case DECIMAL: return FROM_DYNAMIC + 3;
                    default: return FROM_DYNAMIC;
                }
            default:
                return NO_CONVERSION;
        }
    }
}
