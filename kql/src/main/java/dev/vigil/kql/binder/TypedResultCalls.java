package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.functions.Signature;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.NameReference;
import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Calls whose last argument is a type, {@code extract(regex, 1, text, typeof(long))} and
 * {@code extract_json(path, json, typeof(long))}: the call without it, converted to that type as
 * {@code tolong(...)} would (a failed conversion gives null).
 */
final class TypedResultCalls {
    private static final Set<String> NAMES = Set.of("extract", "extract_json", "extractjson");

    private TypedResultCalls() {
    }

    static boolean handles(FunctionCall call) {
        return NAMES.contains(call.name()) && !call.arguments().isEmpty() && isTypeof(call.arguments().get(call.arguments().size() - 1));
    }

    static BoundExpression bind(FunctionCall call, Function<Expression, BoundExpression> binder) {
        FunctionCall typeofCall = (FunctionCall) call.arguments().get(call.arguments().size() - 1);
        if (typeofCall.arguments().size() != 1 || !(typeofCall.arguments().get(0) instanceof NameReference typeName)) {
            throw new DiagnosticException(DiagnosticFacts.typeofExpected(call.name()), typeofCall.span());
        }
        KqlType type = Types.resolve(typeName.name(), typeName.span());
        FunctionCall untyped = new FunctionCall(call.name(), call.nameSpan(), call.arguments().subList(0, call.arguments().size() - 1), call.span());
        BoundExpression text = binder.apply(untyped);
        if (type == text.type()) {
            return text;
        }
        Optional<FunctionDeclaration> conversion = type == KqlType.DYNAMIC ? FunctionRegistry.function("todynamic") : FunctionRegistry.conversionTo(type);
        FunctionDeclaration declaration = conversion.orElseThrow(() -> new IllegalStateException("no conversion to " + type));
        Signature signature = OverloadResolver.resolve(declaration.signatures(), List.of(text.type()))
                .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.noMatchingOverload(declaration.name(), List.of(text.type())), typeofCall.span()));
        return new BoundCall(declaration, signature, List.of(text));
    }

    private static boolean isTypeof(Expression expression) {
        return expression instanceof FunctionCall call && call.name().equals("typeof");
    }
}
