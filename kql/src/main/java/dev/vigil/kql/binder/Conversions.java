package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.functions.OperatorFunctions;
import dev.vigil.kql.functions.Signature;
import dev.vigil.kql.types.KqlType;
import java.util.List;

/** Conversions the binder inserts itself: widening to a declared type, reading dynamic values as typed ones. */
final class Conversions {
    private Conversions() {
    }

    /** The value as {@code type}; unchanged when it already has it. */
    static BoundExpression to(KqlType type, BoundExpression value) {
        if (value.type() == type) {
            return value;
        }
        if (value.type() == KqlType.DYNAMIC) {
            return fromDynamic(type, value);
        }
        FunctionDeclaration cast = OperatorFunctions.cast(value.type(), type);
        return new BoundCall(cast, cast.signatures().get(0), List.of(value));
    }

    /** Text read as {@code type} the way its conversion function reads it ({@code tolong}, {@code todatetime}, {@code parse_json}, ...). */
    static BoundExpression fromText(KqlType type, BoundExpression text) {
        FunctionDeclaration conversion = (type == KqlType.DYNAMIC ? FunctionRegistry.function("parse_json") : FunctionRegistry.conversionTo(type))
                .orElseThrow(() -> new IllegalStateException("no conversion to " + type));
        Signature signature = OverloadResolver.resolve(conversion.signatures(), List.of(KqlType.STRING))
                .orElseThrow(() -> new IllegalStateException("no conversion of text to " + type));
        return new BoundCall(conversion, signature, List.of(text));
    }

    static BoundExpression fromDynamic(KqlType type, BoundExpression value) {
        if (type == KqlType.DYNAMIC) {
            return value;
        }
        FunctionDeclaration conversion = OperatorFunctions.fromDynamic(type);
        return new BoundCall(conversion, conversion.signatures().get(0), List.of(value));
    }

    static BoundExpression property(BoundExpression bag, String key, KqlType type) {
        FunctionDeclaration property = OperatorFunctions.property(key, type);
        return new BoundCall(property, property.signatures().get(0), List.of(bag));
    }
}
