package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.functions.Signature;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.Values;
import dev.vigil.kql.syntax.ColumnDeclaration;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionDefinition;
import dev.vigil.kql.syntax.LetExpression;
import dev.vigil.kql.syntax.LetStatement;
import dev.vigil.kql.syntax.LetTabular;
import dev.vigil.kql.syntax.NamedArgument;
import dev.vigil.kql.syntax.Parameter;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Calls of user functions ({@code let f = (...) {...}} and stored functions). Each call binds the
 * body anew with the parameters standing for the arguments, so a scalar function is inlined and a
 * tabular one becomes part of the caller's plan.
 */
final class UserFunctions {
    private UserFunctions() {
    }

    /** The user function with this name: a {@code let} function first, then a stored one. */
    static Optional<Symbol.Function> find(String name, Environment environment, Span span) {
        Optional<Symbol> symbol = environment.lookup(name);
        if (symbol.isPresent()) {
            return symbol.get() instanceof Symbol.Function function ? Optional.of(function) : Optional.empty();
        }
        return environment.storedFunction(name, span);
    }

    /** Stands for tables while judging a body's result from its syntax alone. */
    private static final Symbol.Tabular PLACEHOLDER = new Symbol.Tabular(new Values(List.of(), List.of()));

    /** Whether the body's result is a table, judged from its syntax (a pipe, a table name, a tabular call). */
    static boolean returnsTable(Symbol.Function function, Set<FunctionDefinition> judging) {
        FunctionDefinition definition = function.definition();
        if (definition.result() instanceof LetTabular) {
            return true;
        }
        if (definition.result() instanceof LetExpression expression) {
            Environment body = function.closure().child();
            for (Parameter parameter : definition.parameters()) {
                if (parameter.isTabular()) {
                    body.define(parameter.name().name(), PLACEHOLDER);
                }
            }
            for (LetStatement let : definition.lets()) {
                if (let.value() instanceof LetTabular) {
                    body.define(let.name().name(), PLACEHOLDER);
                }
            }
            return LetBinder.isTabular(expression.expression(), body, judging);
        }
        return false;
    }

    /**
     * Binds a call. {@code input} is the piped input of {@code invoke}, passed as the first
     * parameter; {@code caller} is the scope the scalar arguments are bound in.
     */
    static Symbol invoke(Symbol.Function function, List<Expression> arguments, Optional<LogicalOperator> input, Scope caller,
                         Span callSpan) {
        FunctionDefinition definition = function.definition();
        List<Parameter> parameters = definition.parameters();
        int offset = input.isPresent() ? 1 : 0;
        List<Optional<Expression>> given = byParameter(function.name(), parameters, arguments, offset, callSpan);
        Environment body = caller.environment().calleeOf(function.closure(), function.name(), callSpan);
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            String name = parameter.name().name();
            if (i == 0 && input.isPresent()) {
                if (!parameter.isTabular()) {
                    throw new DiagnosticException(DiagnosticFacts.tableArgumentExpected(function.name(), name), callSpan);
                }
                body.define(name, new Symbol.Tabular(checkColumns(function.name(), parameter, input.get(), callSpan)));
                continue;
            }
            if (given.get(i).isPresent()) {
                body.define(name, argument(function.name(), parameter, given.get(i).get(), caller));
            } else if (parameter.defaultValue().isPresent()) {
                body.define(name, inBody(function, callSpan, () -> defaultValue(function, parameter)));
            } else {
                throw new DiagnosticException(DiagnosticFacts.missingArgument(function.name(), name), callSpan);
            }
        }
        return inBody(function, callSpan, () -> {
            for (LetStatement let : definition.lets()) {
                LetBinder.bind(let, body);
            }
            return LetBinder.value(function.name(), definition.result(), body);
        });
    }

    /**
     * The argument given for each parameter: positional ones in order after the piped input, then
     * named ones ({@code starttime = ago(1h)}) wherever their parameter stands.
     */
    private static List<Optional<Expression>> byParameter(String function, List<Parameter> parameters, List<Expression> arguments,
                                                          int offset, Span callSpan) {
        List<Optional<Expression>> given = new ArrayList<>(Collections.nCopies(parameters.size(), Optional.empty()));
        int position = offset;
        for (Expression argument : arguments) {
            if (argument instanceof NamedArgument named) {
                int index = indexOf(parameters, named.name().name());
                if (index < 0) {
                    throw new DiagnosticException(DiagnosticFacts.unknownParameter(function, named.name().name()), named.name().span());
                }
                if (given.get(index).isPresent() || index < offset) {
                    throw new DiagnosticException(DiagnosticFacts.argumentGivenTwice(function, named.name().name()), named.name().span());
                }
                given.set(index, Optional.of(named.value()));
                continue;
            }
            if (position >= parameters.size()) {
                throw new DiagnosticException(DiagnosticFacts.tooManyArguments(function, parameters.size()), callSpan);
            }
            if (given.get(position).isPresent()) {
                throw new DiagnosticException(DiagnosticFacts.argumentGivenTwice(function, parameters.get(position).name().name()), argument.span());
            }
            given.set(position++, Optional.of(argument));
        }
        return given;
    }

    private static int indexOf(List<Parameter> parameters, String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Symbol defaultValue(Symbol.Function function, Parameter parameter) {
        KqlType type = scalarType(parameter);
        Expression syntax = parameter.defaultValue().orElseThrow();
        BoundExpression value = ExpressionBinder.bindScalar(syntax, Scope.of(List.of(), function.closure()));
        return new Symbol.Scalar(convert(function.name(), parameter, type, value, syntax.span()));
    }

    /**
     * Binds part of a function's own text. Positions in a stored function count from the
     * function's text, not the query's, so its errors are reported at the call, saying where in
     * the body they are.
     */
    private static Symbol inBody(Symbol.Function function, Span callSpan, Supplier<Symbol> binding) {
        if (function.stored().isEmpty()) {
            return binding.get();
        }
        try {
            return binding.get();
        } catch (DiagnosticException e) {
            if (e.fact().equals(DiagnosticFacts.callsTooDeep(Environment.MAX_CALL_DEPTH))) {
                throw new DiagnosticException(e.fact(), callSpan);
            }
            throw new DiagnosticException(StoredFunctionErrors.describe(function.stored().get(), e), callSpan);
        }
    }

    private static Symbol argument(String function, Parameter parameter, Expression argument, Scope caller) {
        if (parameter.isTabular()) {
            if (!LetBinder.isTabular(argument, caller.environment())) {
                throw new DiagnosticException(DiagnosticFacts.tableArgumentExpected(function, parameter.name().name()), argument.span());
            }
            LogicalOperator table = TabularBinder.bind(LetBinder.asTabular(argument), caller.environment());
            return new Symbol.Tabular(checkColumns(function, parameter, table, argument.span()));
        }
        KqlType type = scalarType(parameter);
        BoundExpression value = ExpressionBinder.bindScalar(argument, caller);
        return new Symbol.Scalar(convert(function, parameter, type, value, argument.span()));
    }

    private static KqlType scalarType(Parameter parameter) {
        String name = parameter.scalarType().orElseThrow();
        return KqlType.fromName(name).orElseThrow(() -> new DiagnosticException(DiagnosticFacts.unknownType(name), parameter.span()));
    }

    /** The argument as the parameter's type: widened numbers are fine, anything else is an error. */
    private static BoundExpression convert(String function, Parameter parameter, KqlType type, BoundExpression value, Span span) {
        if (value.type() == type || type == KqlType.DYNAMIC) {
            return value;
        }
        Optional<Signature> accepts = OverloadResolver.resolve(List.of(Signature.of(type, a -> a.sql(0), type)), List.of(value.type()));
        if (accepts.isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.argumentType(function, parameter.name().name(), type.kqlName(), value.type()), span);
        }
        return Conversions.to(type, value);
    }

    private static LogicalOperator checkColumns(String function, Parameter parameter, LogicalOperator table, Span span) {
        for (ColumnDeclaration required : parameter.tabularColumns()) {
            KqlType type = Types.resolve(required.typeName(), required.typeSpan());
            boolean present = table.schema().stream().anyMatch(c -> c.name().equals(required.name().name()) && c.type() == type);
            if (!present) {
                throw new DiagnosticException(DiagnosticFacts.missingTabularColumn(function, parameter.name().name(),
                        required.name().name(), type), span);
            }
        }
        return table;
    }
}
