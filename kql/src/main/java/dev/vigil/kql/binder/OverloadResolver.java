package dev.vigil.kql.binder;

import dev.vigil.kql.functions.Signature;
import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Optional;

/**
 * Picks the overload needing the fewest implicit widenings (int to long to real, as Kusto
 * promotes numbers). Exact matches win; no match is empty.
 */
final class OverloadResolver {
    private static final int NO_CONVERSION = Integer.MAX_VALUE;

    private OverloadResolver() {
    }

    static Optional<Signature> resolve(List<Signature> signatures, List<KqlType> argumentTypes) {
        Signature best = null;
        int bestCost = NO_CONVERSION;
        for (Signature signature : signatures) {
            if (signature.parameters().size() != argumentTypes.size()) {
                continue;
            }
            int cost = 0;
            for (int i = 0; i < argumentTypes.size() && cost != NO_CONVERSION; i++) {
                int step = conversionCost(argumentTypes.get(i), signature.parameters().get(i));
                cost = step == NO_CONVERSION ? NO_CONVERSION : cost + step;
            }
            if (cost < bestCost) {
                best = signature;
                bestCost = cost;
            }
        }
        return Optional.ofNullable(best);
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
            default:
                return NO_CONVERSION;
        }
    }
}
