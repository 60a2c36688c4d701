package dev.vigil.soc.content.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Sigma rule's {@code detection}: its search identifiers (a map of fields is an and of them, a
 * list of maps an or, a list of plain values keywords) and its condition over them.
 */
record Detection(Map<String, SigmaExpression> identifiers, SigmaExpression condition) {

    static Detection read(JsonNode detection) {
        if (!detection.isObject()) {
            throw SigmaConversionException.invalid("detection: must be a map of search identifiers and a condition");
        }
        if (detection.has("timeframe")) {
            throw SigmaConversionException.unsupported("detection.timeframe: aggregations over a time frame are not converted; write the rule in KQL");
        }
        Map<String, SigmaExpression> identifiers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = detection.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("condition")) {
                identifiers.put(field.getKey(), identifier(field.getKey(), field.getValue()));
            }
        }
        JsonNode condition = detection.get("condition");
        if (condition == null || condition.isNull()) {
            throw SigmaConversionException.invalid("detection.condition: is required");
        }
        List<SigmaExpression> conditions = new ArrayList<>();
        if (condition.isArray()) {
            // an older spelling: several conditions, any of which raises the rule
            condition.forEach(c -> conditions.add(ConditionParser.parse(c.asText(), identifiers)));
        } else {
            conditions.add(ConditionParser.parse(condition.asText(), identifiers));
        }
        return new Detection(identifiers, conditions.size() == 1 ? conditions.get(0) : new AnyOf(conditions));
    }

    private static SigmaExpression identifier(String name, JsonNode value) {
        if (value.isObject()) {
            return fields(name, value);
        }
        if (value.isArray()) {
            boolean maps = false;
            boolean scalars = false;
            for (JsonNode item : value) {
                maps |= item.isObject();
                scalars |= item.isValueNode();
            }
            if (maps && scalars || value.isEmpty()) {
                throw SigmaConversionException.invalid("detection." + name + ": a list holds either maps of fields or keywords, and at least one");
            }
            if (maps) {
                List<SigmaExpression> any = new ArrayList<>();
                value.forEach(item -> any.add(fields(name, item)));
                return new AnyOf(any);
            }
            return keywords(name, value);
        }
        if (value.isTextual()) {
            return keywords(name, List.of(value));
        }
        throw SigmaConversionException.invalid("detection." + name + ": must be a map of fields, a list of maps, or keywords");
    }

    private static SigmaExpression keywords(String name, Iterable<JsonNode> values) {
        List<SigmaString> keywords = new ArrayList<>();
        for (JsonNode value : values) {
            if (!value.isValueNode() || value.isNull()) {
                throw SigmaConversionException.invalid("detection." + name + ": a keyword must be a string or a number");
            }
            keywords.add(SigmaString.parse(value.asText()));
        }
        return new KeywordMatch(keywords);
    }

    private static SigmaExpression fields(String name, JsonNode map) {
        List<SigmaExpression> all = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = map.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String[] parts = field.getKey().split("\\|", -1);
            if (parts[0].isEmpty()) {
                throw SigmaConversionException.unsupported("detection." + name + ": keywords with modifiers ('" + field.getKey() + "') are not converted");
            }
            List<JsonNode> values = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(values::add);
            } else {
                values.add(field.getValue());
            }
            for (JsonNode value : values) {
                if (value.isContainerNode()) {
                    throw SigmaConversionException.invalid("detection." + name + "." + field.getKey() + ": a value must be a string, a number,"
                            + " a boolean or null");
                }
            }
            all.add(new FieldMatch(parts[0], Arrays.asList(parts).subList(1, parts.length), values));
        }
        if (all.isEmpty()) {
            throw SigmaConversionException.invalid("detection." + name + ": has no field");
        }
        return new AllOf(all);
    }
}
