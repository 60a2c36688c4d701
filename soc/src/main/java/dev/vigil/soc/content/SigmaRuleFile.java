package dev.vigil.soc.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.content.sigma.SigmaConversion;
import dev.vigil.soc.content.sigma.SigmaConversionException;
import dev.vigil.soc.content.sigma.SigmaConverter;
import dev.vigil.soc.rule.EntityMapping;
import dev.vigil.soc.rule.FieldMapping;

/**
 * A Sigma rule file as a Scheduled rule: every 5 minutes over the last 5 minutes, an alert when
 * its query returns a row, the entities of its log source's mapping; checked as a rule sent to the
 * API is. A rule that does not convert is refused with the reason.
 */
final class SigmaRuleFile {
    static final String FREQUENCY = "PT5M";

    private SigmaRuleFile() {
    }

    static RuleDocument read(JsonNode tree, boolean enabled) {
        SigmaConversion rule;
        try {
            rule = SigmaConverter.convert(tree);
        } catch (SigmaConversionException e) {
            throw new ContentRefusedException(e.unsupported() ? RefusalReason.UnsupportedField : RefusalReason.InvalidValue,
                    "the Sigma rule does not convert: " + e.getMessage());
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode properties = json.objectNode();
        properties.put("displayName", rule.title());
        properties.put("description", rule.description());
        properties.put("severity", rule.severity());
        properties.put("enabled", enabled);
        properties.put("query", rule.query());
        properties.put("queryFrequency", FREQUENCY);
        properties.put("queryPeriod", FREQUENCY);
        properties.put("triggerOperator", "GreaterThan");
        properties.put("triggerThreshold", 0);
        ArrayNode tactics = properties.putArray("tactics");
        rule.tactics().forEach(tactics::add);
        ArrayNode techniques = properties.putArray("techniques");
        rule.techniques().forEach(techniques::add);
        ArrayNode entities = properties.putArray("entityMappings");
        for (EntityMapping mapping : rule.entityMappings()) {
            ObjectNode entity = entities.addObject();
            entity.put("entityType", mapping.entityType());
            ArrayNode fields = entity.putArray("fieldMappings");
            for (FieldMapping field : mapping.fieldMappings()) {
                fields.addObject().put("identifier", field.identifier()).put("columnName", field.columnName());
            }
        }
        ObjectNode body = json.objectNode();
        body.put("kind", "Scheduled");
        body.set("properties", properties);
        return new RuleDocument(rule.id(), rule.version(), ArmRuleBody.read(body, property -> property));
    }
}
