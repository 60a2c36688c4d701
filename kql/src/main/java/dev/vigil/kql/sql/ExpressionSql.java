package dev.vigil.kql.sql;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundExpressionVisitor;
import dev.vigil.kql.bound.BoundIn;
import dev.vigil.kql.bound.BoundInSubquery;
import dev.vigil.kql.bound.BoundPathElements;
import dev.vigil.kql.bound.BoundScalarSubquery;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.functions.ElementList;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.functions.JsonValues;
import dev.vigil.kql.functions.RenderArguments;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.types.KqlType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes bound expressions as DuckDB SQL; calls are written by their signature's rendering. */
final class ExpressionSql {
    private final Instant now;
    private final Function<LogicalOperator, String> stages;

    /** {@code stages} writes the plan of a subquery and returns the name of its CTE. */
    ExpressionSql(Instant now, Function<LogicalOperator, String> stages) {
        this.now = now;
        this.stages = stages;
    }

    String render(BoundExpression expression) {
        return expression.accept(kinds);
    }

    /** One method per kind of bound expression. */
    private final BoundExpressionVisitor<String> kinds = new BoundExpressionVisitor<>() {
        @Override
        public String visit(BoundColumn column) {
            return SqlIdentifiers.quote(column.name());
        }

        @Override
        public String visit(BoundLiteral literal) {
            return SqlLiterals.literal(literal.value(), literal.type());
        }

        @Override
        public String visit(BoundCall call) {
            return call.signature().rendering().render(new Arguments(call.arguments(), false, false));
        }

        @Override
        public String visit(BoundIn in) {
            // a null is in no list (as == of a null and a value is false), so !in keeps it; strings are never null
            String test = in.value().type() == KqlType.STRING ? in(in) : "coalesce(" + in(in) + ", FALSE)";
            return in.negated() ? "(NOT " + test + ")" : test;
        }

        @Override
        public String visit(BoundScalarSubquery subquery) {
            String stage = stages.apply((LogicalOperator) subquery.table());
            return "(SELECT " + SqlIdentifiers.quote(subquery.column()) + " FROM " + stage + " LIMIT 1)";
        }

        @Override
        public String visit(BoundInSubquery in) {
            String stage = stages.apply((LogicalOperator) in.table());
            String test = "(" + render(in.value()) + " IN (SELECT " + SqlIdentifiers.quote(in.column()) + " FROM " + stage + "))";
            return in.negated() ? "(NOT coalesce(" + test + ", FALSE))" : test;
        }

        @Override
        public String visit(BoundPathElements elements) {
            // a correlated subquery over the list's rows, whose fields the element expression reads as columns
            String rows = "(SELECT unnest(" + SqlIdentifiers.quote(elements.list()) + ", recursive := true))";
            String element = render(elements.element());
            switch (elements.combination()) {
                case ALL:
                    return "coalesce((SELECT bool_and(coalesce(" + element + ", FALSE)) FROM " + rows + "), TRUE)";
                case ANY:
                    return "coalesce((SELECT bool_or(coalesce(" + element + ", FALSE)) FROM " + rows + "), FALSE)";
                default:
                    return "coalesce((SELECT to_json(list(" + JsonValues.of(elements.element().type(), element) + " ORDER BY \"__i\")) FROM "
                            + rows + "), CAST('[]' AS JSON))";
            }
        }
    };

    /**
     * A {@code where} predicate, where null drops the row as false does: the predicate itself and the
     * operands of its top-level {@code and}/{@code or} are written knowing that (see
     * {@link RenderArguments#inCondition()}), so that comparisons keep SQL's plain form, which DuckDB pushes
     * into the scan.
     */
    String renderCondition(BoundExpression expression) {
        if (expression instanceof BoundCall call) {
            boolean logical = call.function() == FunctionRegistry.operator(BinaryOperator.AND)
                    || call.function() == FunctionRegistry.operator(BinaryOperator.OR);
            return call.signature().rendering().render(new Arguments(call.arguments(), true, logical));
        }
        if (expression instanceof BoundIn in && !in.negated()) {
            return in(in);
        }
        return render(expression);
    }

    /** The array {@code expression} gives as a DuckDB list, when its function can write it so. */
    Optional<ElementList> elements(BoundExpression expression) {
        if (expression instanceof BoundCall call && call.signature().elements().isPresent()) {
            return Optional.of(call.signature().elements().get().render(new Arguments(call.arguments(), false, false)));
        }
        return Optional.empty();
    }

    /**
     * {@code in} and {@code in~}: scalar candidates in one SQL IN list; each dynamic candidate (an
     * array known only at run time) tested with list_contains on its elements.
     */
    private String in(BoundIn in) {
        String value = render(in.value());
        boolean text = in.value().type() == KqlType.STRING;
        String compared = in.ignoreCase() && text ? "lower(" + value + ")" : value;
        List<String> tests = new ArrayList<>();
        List<String> scalars = new ArrayList<>();
        for (BoundExpression candidate : in.candidates()) {
            String sql = render(candidate);
            if (candidate.type() == KqlType.DYNAMIC) {
                String elements = "from_json(" + sql + ", '[\"" + (text ? "VARCHAR" : "DOUBLE") + "\"]')";
                if (in.ignoreCase() && text) {
                    elements = "list_transform(" + elements + ", lambda __e: lower(__e))";
                }
                tests.add("coalesce(list_contains(" + elements + ", " + (text ? compared : "CAST(" + value + " AS DOUBLE)") + "), FALSE)");
            } else {
                scalars.add(in.ignoreCase() && text ? "lower(" + sql + ")" : sql);
            }
        }
        if (!scalars.isEmpty()) {
            tests.add(0, "(" + compared + " IN (" + String.join(", ", scalars) + "))");
        }
        return tests.isEmpty() ? "FALSE" : tests.size() == 1 ? tests.get(0) : "(" + String.join(" OR ", tests) + ")";
    }

    private final class Arguments implements RenderArguments {
        private final List<BoundExpression> arguments;
        private final boolean condition;
        private final boolean conditionOperands;

        /** {@code conditionOperands}: the arguments are themselves conditions (the operands of a predicate's and/or). */
        Arguments(List<BoundExpression> arguments, boolean condition, boolean conditionOperands) {
            this.arguments = arguments;
            this.condition = condition;
            this.conditionOperands = conditionOperands;
        }

        @Override
        public boolean inCondition() {
            return condition;
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
            return conditionOperands ? renderCondition(arguments.get(index)) : render(arguments.get(index));
        }

        @Override
        public Optional<String> parsedText(int index) {
            if (arguments.get(index) instanceof BoundCall call && call.signature().parsesText()) {
                return Optional.of(render(call.arguments().get(0)));
            }
            return Optional.empty();
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
        public String sqlType(KqlType type) {
            return DuckDbTypes.sqlType(type);
        }

        @Override
        public Instant now() {
            return now;
        }
    }
}
