package dev.vigil.iot.twin.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/** The query language's functions that test a field: {@code IS_DEFINED(f)}, {@code IS_NULL(f)}, {@code STARTSWITH(f, 's')}, {@code ENDSWITH(f, 's')}. */
record FunctionTest(Function function, FieldPath field, Optional<String> argument) implements Condition {
    enum Function {
        IS_DEFINED(false), IS_NULL(false), STARTSWITH(true), ENDSWITH(true);

        final boolean takesString;

        Function(boolean takesString) {
            this.takesString = takesString;
        }

        static Optional<Function> named(String name) {
            try {
                return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    @Override
    public Boolean test(JsonNode document) {
        JsonNode value = field.valueIn(document);
        return switch (function) {
            case IS_DEFINED -> !value.isMissingNode();
            case IS_NULL -> value.isNull();
            case STARTSWITH -> value.isTextual() ? value.textValue().startsWith(argument.orElseThrow()) : null;
            case ENDSWITH -> value.isTextual() ? value.textValue().endsWith(argument.orElseThrow()) : null;
        };
    }
}
