package dev.vigil.kql.sql;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundIn;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.functions.RenderArguments;
import dev.vigil.kql.types.KqlType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes bound expressions as DuckDB SQL; calls are written by their signature's rendering. */
final class ExpressionSql {
    private final Instant now;

    ExpressionSql(Instant now) {
        this.now = now;
    }

    String render(BoundExpression expression) {
        if (expression instanceof BoundColumn column) {
            return SqlIdentifiers.quote(column.name());
        }
        if (expression instanceof BoundLiteral literal) {
            return SqlLiterals.literal(literal.value(), literal.type());
        }
        if (expression instanceof BoundCall call) {
            return call.signature().rendering().render(new Arguments(call.arguments()));
        }
        if (expression instanceof BoundIn in) {
            String list = in.candidates().stream().map(this::render).collect(Collectors.joining(", "));
            String test = "(" + render(in.value()) + " IN (" + list + "))";
            return in.negated() ? "(NOT " + test + ")" : test;
        }
        throw new IllegalStateException("no SQL for " + expression.getClass().getSimpleName());
    }

    private final class Arguments implements RenderArguments {
        private final List<BoundExpression> arguments;

        Arguments(List<BoundExpression> arguments) {
            this.arguments = arguments;
        }

        @Override
        public int count() {
            return arguments.size();
        }

        @Override
        public KqlType type(int index) {
            return arguments.get(index).type();
        }

        @Override
        public String sql(int index) {
            return render(arguments.get(index));
        }

        @Override
        public Optional<Object> constant(int index) {
            return arguments.get(index) instanceof BoundLiteral literal ? literal.value() : Optional.empty();
        }

        @Override
        public String stringLiteral(String value) {
            return SqlLiterals.string(value);
        }

        @Override
        public String datetimeLiteral(Instant value) {
            return SqlLiterals.datetime(value);
        }

        @Override
        public String nullOf(KqlType type) {
            return SqlLiterals.nullOf(type);
        }

        @Override
        public Instant now() {
            return now;
        }
    }
}
