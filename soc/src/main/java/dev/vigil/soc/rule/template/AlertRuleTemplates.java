package dev.vigil.soc.rule.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.rule.AlertRuleProperties;
import dev.vigil.soc.rule.AlertRuleTemplateNotFoundException;
import dev.vigil.soc.rule.IncidentCreationRuleProperties;
import dev.vigil.soc.rule.NrtRuleProperties;
import dev.vigil.soc.rule.ScheduledRuleProperties;
import dev.vigil.soc.rule.json.AlertRuleJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The template gallery: the Microsoft Security rule that makes incidents from Defender for IoT
 * alerts, and the IoT/OT Scheduled rules of Sentinel's Defender for IoT solution, written here
 * (in {@code templates.json}, in the rules' own JSON shape) to match the alert names of OT sensors and
 * of Vigil's device agents alike.
 */
public final class AlertRuleTemplates {
    /** The Microsoft Security rule "Create incidents based on Azure Defender for IOT alerts". */
    public static final String IOT_INCIDENT_CREATION = "a2e0eb51-1f11-461a-999b-cd0ebe5c7a72";
    private static final String RESOURCE = "templates.json";

    private final List<AlertRuleTemplate> templates;

    private AlertRuleTemplates(List<AlertRuleTemplate> templates) {
        this.templates = List.copyOf(templates);
    }

    /** The built-in gallery. */
    public static AlertRuleTemplates builtIn() {
        try (InputStream in = AlertRuleTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the template gallery " + RESOURCE + " is missing from the class path");
            }
            return read(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the template gallery " + RESOURCE + " cannot be read", e);
        }
    }

    static AlertRuleTemplates read(JsonNode gallery) {
        String version = gallery.path("version").asText();
        Instant updated = Instant.parse(gallery.path("lastUpdatedDateUTC").asText());
        List<AlertRuleTemplate> templates = new ArrayList<>();
        for (JsonNode template : gallery.path("templates")) {
            List<AlertRuleTemplate.RequiredDataConnector> connectors = new ArrayList<>();
            for (JsonNode connector : template.path("requiredDataConnectors")) {
                List<String> types = new ArrayList<>();
                connector.path("dataTypes").forEach(t -> types.add(t.asText()));
                connectors.add(new AlertRuleTemplate.RequiredDataConnector(connector.path("connectorId").asText(), types));
            }
            templates.add(new AlertRuleTemplate(template.path("name").asText(), template.path("source").asText(), AlertRuleJson.read(template),
                    connectors, version, updated));
        }
        return new AlertRuleTemplates(templates);
    }

    public List<AlertRuleTemplate> list() {
        return templates;
    }

    public Optional<AlertRuleTemplate> find(String templateId) {
        return templates.stream().filter(t -> t.id().equalsIgnoreCase(templateId)).findFirst();
    }

    public AlertRuleTemplate get(String templateId) {
        return find(templateId).orElseThrow(() -> new AlertRuleTemplateNotFoundException(templateId));
    }

    /** The properties of a new rule made from the template: enabled, and naming the template. */
    public AlertRuleProperties ruleFrom(String templateId, boolean enabled) {
        AlertRuleTemplate template = get(templateId);
        AlertRuleProperties p = template.properties();
        Optional<String> name = Optional.of(template.id());
        if (p instanceof ScheduledRuleProperties s) {
            return new ScheduledRuleProperties(s.displayName(), s.description(), enabled, name, s.detection(), s.schedule());
        }
        if (p instanceof NrtRuleProperties n) {
            return new NrtRuleProperties(n.displayName(), n.description(), enabled, name, n.detection());
        }
        IncidentCreationRuleProperties i = (IncidentCreationRuleProperties) p;
        return new IncidentCreationRuleProperties(i.displayName(), i.description(), enabled, name, i.productFilter(), i.severitiesFilter(),
                i.displayNamesFilter(), i.displayNamesExcludeFilter());
    }

    /**
     * The template as the API shows it, in the shape of Sentinel's {@code alertRuleTemplates}: the
     * rule's properties without the per-rule ones, with status, required connectors and how many
     * rules of the workspace were made from it.
     */
    public static ObjectNode write(AlertRuleTemplate template, long rulesCreatedFromIt) {
        ObjectNode properties = AlertRuleJson.writeProperties(template.properties());
        properties.remove(List.of("enabled", "alertRuleTemplateName", "suppressionEnabled", "suppressionDuration"));
        properties.put("status", "Available");
        properties.put("version", template.version());
        properties.put("lastUpdatedDateUTC", template.lastUpdatedDateUtc().toString());
        properties.put("alertRulesCreatedByTemplateCount", rulesCreatedFromIt);
        var connectors = properties.putArray("requiredDataConnectors");
        for (AlertRuleTemplate.RequiredDataConnector connector : template.requiredDataConnectors()) {
            ObjectNode c = connectors.addObject();
            c.put("connectorId", connector.connectorId());
            connector.dataTypes().forEach(c.putArray("dataTypes")::add);
        }
        ObjectNode node = properties.objectNode();
        node.put("id", "/alertRuleTemplates/" + template.id());
        node.put("name", template.id());
        node.put("kind", template.kind().armName());
        node.put("source", template.source());
        node.set("properties", properties);
        return node;
    }
}
