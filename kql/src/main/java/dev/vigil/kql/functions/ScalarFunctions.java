package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The simple scalar functions, one row each. Functions with more logic have their own class. */
final class ScalarFunctions {
    private ScalarFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                FunctionDeclaration.scalar("now", ColumnNaming.NONE, List.of(
                        Signature.of(KqlType.DATETIME, a -> a.datetimeLiteral(a.now())),
                        Signature.of(KqlType.DATETIME, a -> shiftedNow(a, "+"), KqlType.TIMESPAN))),
                FunctionDeclaration.scalar("ago", ColumnNaming.NONE, List.of(
                        Signature.of(KqlType.DATETIME, a -> shiftedNow(a, "-"), KqlType.TIMESPAN))),
                FunctionDeclaration.scalar("not", ColumnNaming.NONE, List.of(
                        Signature.of(KqlType.BOOL, a -> "(NOT " + a.sql(0) + ")", KqlType.BOOL))),
                BinFunction.declaration("bin"),
                BinFunction.declaration("floor"));
    }

    /** now() ± a timespan, folded to one literal when the timespan is a constant. */
    private static String shiftedNow(RenderArguments a, String sign) {
        if (a.constant(0).isPresent()) {
            long ticks = (Long) a.constant(0).get();
            long nanos = Math.multiplyExact(ticks, 100L);
            Instant now = a.now();
            return a.datetimeLiteral(sign.equals("+") ? now.plusNanos(nanos) : now.minusNanos(nanos));
        }
        return ArithmeticOperators.shift(a.datetimeLiteral(a.now()), sign, a.sql(0));
    }

    private static List<Signature> forEveryType(KqlType result, String sqlSuffix) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : KqlType.values()) {
            signatures.add(Signature.of(result, a -> "(" + a.sql(0) + " " + sqlSuffix + ")", type));
        }
        return signatures;
    }
}
