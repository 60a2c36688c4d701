package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code has_any}, {@code has_all} and {@code between}. The term operators take the needles as
 * separate string arguments (the binder spreads a constant dynamic array into them); {@code has_any}
 * with constant needles becomes one regular expression.
 */
final class ListOperators {
    static final FunctionDeclaration HAS_ANY = FunctionDeclaration.scalar("has_any", ColumnNaming.NONE, List.of(
            Signature.variadic(KqlType.BOOL, ListOperators::hasAny, KqlType.STRING, KqlType.STRING)));
    static final FunctionDeclaration HAS_ALL = FunctionDeclaration.scalar("has_all", ColumnNaming.NONE, List.of(
            Signature.variadic(KqlType.BOOL, ListOperators::hasAll, KqlType.STRING, KqlType.STRING)));
    static final FunctionDeclaration BETWEEN = between("between", false);
    static final FunctionDeclaration NOT_BETWEEN = between("!between", true);

    private ListOperators() {
    }

    private static String hasAny(RenderArguments a) {
        List<String> constants = new ArrayList<>();
        for (int i = 1; i < a.count(); i++) {
            Optional<Object> needle = a.constant(i);
            if (needle.isEmpty()) {
                return each(a, " OR ");
            }
            constants.add((String) needle.get());
        }
        return TermMatch.anyOf(a.sql(0), constants, a);
    }

    private static String hasAll(RenderArguments a) {
        return each(a, " AND ");
    }

    private static String each(RenderArguments a, String joiner) {
        SqlRendering term = TermMatch.rendering(TermMatch.Edges.WHOLE_TERM, false);
        List<String> tests = new ArrayList<>();
        for (int i = 1; i < a.count(); i++) {
            int needle = i;
            tests.add(term.render(new Pair(a, needle)));
        }
        return "(" + String.join(joiner, tests) + ")";
    }

    private static FunctionDeclaration between(String name, boolean negated) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : List.of(KqlType.INT, KqlType.LONG, KqlType.REAL, KqlType.DECIMAL, KqlType.DATETIME, KqlType.TIMESPAN,
                KqlType.STRING)) {
            signatures.add(Signature.of(KqlType.BOOL, a -> range(a, a.sql(2), negated), type, type, type));
        }
        // a datetime range may end with a length: datetime between (start .. 1h)
        signatures.add(Signature.of(KqlType.BOOL, a -> range(a, ArithmeticOperators.shift(a.sql(1), "+", a.sql(2)), negated),
                KqlType.DATETIME, KqlType.DATETIME, KqlType.TIMESPAN));
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, signatures);
    }

    private static String range(RenderArguments a, String high, boolean negated) {
        String test = "(" + a.sql(0) + " BETWEEN " + a.sql(1) + " AND " + high + ")";
        return negated ? "(NOT " + test + ")" : test;
    }

    /** The haystack and one needle of a list operator, seen as a two-argument call. */
    private record Pair(RenderArguments all, int needle) implements RenderArguments {
        private int map(int index) {
            return index == 0 ? 0 : needle;
        }

        @Override
        public int count() {
            return 2;
        }

        @Override
        public String sql(int index) {
            return all.sql(map(index));
        }

        @Override
        public KqlType type(int index) {
            return all.type(map(index));
        }

        @Override
        public Optional<Object> constant(int index) {
            return all.constant(map(index));
        }

        @Override
        public String stringLiteral(String value) {
            return all.stringLiteral(value);
        }

        @Override
        public String datetimeLiteral(java.time.Instant value) {
            return all.datetimeLiteral(value);
        }

        @Override
        public String nullOf(KqlType type) {
            return all.nullOf(type);
        }

        @Override
        public String sqlType(KqlType type) {
            return all.sqlType(type);
        }

        @Override
        public java.time.Instant now() {
            return all.now();
        }
    }
}
