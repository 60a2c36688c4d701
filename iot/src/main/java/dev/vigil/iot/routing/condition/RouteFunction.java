package dev.vigil.iot.routing.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The functions IoT Hub allows in route conditions: math, type checks and casts, strings. Names
 * are case-insensitive. An argument of the wrong type makes the result undefined (the type checks
 * excepted, which answer false), so a condition over a missing property never routes by accident.
 */
enum RouteFunction {
    ABS(1, 1, math(Math::abs)),
    EXP(1, 1, math(Math::exp)),
    POWER(2, 2, args -> numbers(args) ? number(Math.pow(args.get(0).doubleValue(), args.get(1).doubleValue())) : null),
    SQUARE(1, 1, math(x -> x * x)),
    CEILING(1, 1, math(Math::ceil)),
    FLOOR(1, 1, math(Math::floor)),
    SIGN(1, 1, math(Math::signum)),
    SQRT(1, 1, math(Math::sqrt)),
    AS_NUMBER(1, 1, args -> asNumber(args.get(0))),
    IS_ARRAY(1, 1, args -> check(args.get(0), JsonNode::isArray)),
    IS_BOOL(1, 1, args -> check(args.get(0), JsonNode::isBoolean)),
    IS_DEFINED(1, 1, args -> BooleanNode.valueOf(args.get(0) != null)),
    IS_NULL(1, 1, args -> check(args.get(0), JsonNode::isNull)),
    IS_NUMBER(1, 1, args -> check(args.get(0), JsonNode::isNumber)),
    IS_OBJECT(1, 1, args -> check(args.get(0), JsonNode::isObject)),
    IS_PRIMITIVE(1, 1, args -> check(args.get(0), v -> v.isValueNode())),
    IS_STRING(1, 1, args -> check(args.get(0), JsonNode::isTextual)),
    CONCAT(2, Integer.MAX_VALUE, args -> strings(args) ? TextNode.valueOf(args.stream().map(JsonNode::textValue).collect(Collectors.joining())) : null),
    LENGTH(1, 1, args -> strings(args) ? IntNode.valueOf(args.get(0).textValue().length()) : null),
    LOWER(1, 1, args -> strings(args) ? TextNode.valueOf(args.get(0).textValue().toLowerCase(Locale.ROOT)) : null),
    UPPER(1, 1, args -> strings(args) ? TextNode.valueOf(args.get(0).textValue().toUpperCase(Locale.ROOT)) : null),
    SUBSTRING(2, 3, RouteFunction::substring),
    INDEX_OF(2, 2, args -> strings(args) ? IntNode.valueOf(args.get(0).textValue().indexOf(args.get(1).textValue())) : null),
    STARTS_WITH(2, 2, args -> strings(args) ? BooleanNode.valueOf(args.get(0).textValue().startsWith(args.get(1).textValue())) : null),
    ENDS_WITH(2, 2, args -> strings(args) ? BooleanNode.valueOf(args.get(0).textValue().endsWith(args.get(1).textValue())) : null),
    CONTAINS(2, 2, args -> strings(args) ? BooleanNode.valueOf(args.get(0).textValue().contains(args.get(1).textValue())) : null);

    private final int minArguments;
    private final int maxArguments;
    private final Function<List<JsonNode>, JsonNode> body;

    RouteFunction(int minArguments, int maxArguments, Function<List<JsonNode>, JsonNode> body) {
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
        this.body = body;
    }

    static Optional<RouteFunction> named(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    boolean accepts(int arguments) {
        return arguments >= minArguments && arguments <= maxArguments;
    }

    /** E.g. "1 argument", "2 or 3 arguments", "at least 2 arguments". */
    String arity() {
        if (maxArguments == Integer.MAX_VALUE) {
            return "at least " + minArguments + " arguments";
        }
        if (minArguments == maxArguments) {
            return minArguments + (minArguments == 1 ? " argument" : " arguments");
        }
        return minArguments + " or " + maxArguments + " arguments";
    }

    /** @param arguments their values, {@code null} for undefined */
    JsonNode apply(List<JsonNode> arguments) {
        return body.apply(arguments);
    }

    private static Function<List<JsonNode>, JsonNode> math(DoubleUnaryOperator operation) {
        return args -> numbers(args) ? number(operation.applyAsDouble(args.get(0).doubleValue())) : null;
    }

    private static JsonNode number(double value) {
        return Double.isFinite(value) ? DoubleNode.valueOf(value) : null;
    }

    private static boolean numbers(List<JsonNode> args) {
        return args.stream().allMatch(a -> a != null && a.isNumber());
    }

    private static boolean strings(List<JsonNode> args) {
        return args.stream().allMatch(a -> a != null && a.isTextual());
    }

    private static JsonNode check(JsonNode value, java.util.function.Predicate<JsonNode> type) {
        return BooleanNode.valueOf(value != null && type.test(value));
    }

    /** A number stays; a string that reads as a number becomes one (application properties are strings); anything else is undefined. */
    private static JsonNode asNumber(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value;
        }
        if (value.isTextual()) {
            try {
                return number(Double.parseDouble(value.textValue().trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** SUBSTRING(s, start[, length]), 0-based, clipped to the string; undefined unless the start and length are whole numbers. */
    private static JsonNode substring(List<JsonNode> args) {
        JsonNode text = args.get(0);
        if (text == null || !text.isTextual() || !wholeNumbers(args.subList(1, args.size()))) {
            return null;
        }
        String s = text.textValue();
        int start = (int) Math.max(0, Math.min(s.length(), args.get(1).doubleValue()));
        int end = args.size() > 2 ? (int) Math.max(start, Math.min(s.length(), start + args.get(2).doubleValue())) : s.length();
        return TextNode.valueOf(s.substring(start, end));
    }

    private static boolean wholeNumbers(List<JsonNode> args) {
        return args.stream().allMatch(a -> a != null && a.isNumber() && a.doubleValue() == Math.rint(a.doubleValue()));
    }
}
