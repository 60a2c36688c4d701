package dev.vigil.soc.playbook.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.vigil.kql.KqlQuoting;
import dev.vigil.kql.types.KqlType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The values of the variables in scope at one point of a run, each with its KQL type. */
public record Bindings(Map<String, Value> values) {

    /** A variable's value as JSON, and the KQL type it is bound as. */
    public record Value(KqlType type, JsonNode json) {
        public Value {
            Objects.requireNonNull(type, "type");
            json = json == null ? NullNode.getInstance() : json;
        }
    }

    public Bindings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Bindings none() {
        return new Bindings(Map.of());
    }

    public Bindings with(String name, KqlType type, JsonNode value) {
        Map<String, Value> next = new LinkedHashMap<>(values);
        next.remove(name);
        next.put(name, new Value(type, value));
        return new Bindings(next);
    }

    public ExpressionScope scope() {
        Map<String, KqlType> types = new LinkedHashMap<>();
        values.forEach((name, value) -> types.put(name, value.type()));
        return ExpressionScope.of(types);
    }

    /** {@code let} statements binding every variable to its value, one a line. */
    public String lets() {
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) -> text.append("let ").append(name).append(" = ").append(literal(value.type(), value.json())).append(";\n"));
        return text.toString();
    }

    /** {@code let} statements binding every variable of the scope to a placeholder of its type: for compiling, not running. */
    public static String placeholderLets(ExpressionScope scope) {
        StringBuilder text = new StringBuilder();
        scope.variables().forEach((name, type) -> text.append("let ").append(name).append(" = ").append(literal(type, NullNode.getInstance()))
                .append(";\n"));
        return text.toString();
    }

    /** A KQL literal (or conversion) of {@code json} as {@code type}; null becomes the type's null (a string's is empty). */
    static String literal(KqlType type, JsonNode json) {
        boolean missing = json == null || json.isNull() || json.isMissingNode();
        return switch (type) {
            case DYNAMIC -> "dynamic(" + (missing ? "null" : json.toString()) + ")";
            case STRING -> KqlQuoting.stringLiteral(missing ? "" : json.isTextual() ? json.textValue() : json.toString());
            case BOOL -> missing ? "bool(null)" : Boolean.toString(json.asBoolean());
            case INT, LONG -> type.kqlName() + "(" + (missing ? "null" : Long.toString(json.asLong())) + ")";
            case REAL -> "real(" + (missing ? "null" : Double.toString(json.asDouble())) + ")";
            case DECIMAL -> "todecimal(" + (missing ? "real(null)" : KqlQuoting.stringLiteral(json.asText())) + ")";
            case DATETIME -> "todatetime(" + (missing ? "\"\"" : KqlQuoting.stringLiteral(json.asText())) + ")";
            case TIMESPAN -> "totimespan(" + (missing ? "\"\"" : KqlQuoting.stringLiteral(json.asText())) + ")";
            case GUID -> "toguid(" + (missing ? "\"\"" : KqlQuoting.stringLiteral(json.asText())) + ")";
        };
    }
}
