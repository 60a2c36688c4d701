package dev.vigil.soc.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.hunting.HuntingQuery;
import dev.vigil.soc.hunting.RequiredDataConnector;
import dev.vigil.soc.rule.EntityMapping;
import dev.vigil.soc.rule.FieldMapping;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sentinel's hunting-query YAML, as published in its content repository and solutions: {@code id},
 * {@code name}, {@code description}, {@code requiredDataConnectors}, {@code tactics},
 * {@code relevantTechniques}, {@code query}, {@code entityMappings}, {@code version}; the
 * catalogue fields ({@code metadata}, {@code tags}, {@code status}) are read and change nothing.
 */
final class SentinelHuntingYaml {
    private static final Set<String> SUPPORTED = new TreeSet<>(Set.of("id", "name", "description", "description-detailed", "requiredDataConnectors",
            "tactics", "relevantTechniques", "query", "entityMappings", "version", "metadata", "tags", "status", "customDetails"));

    private SentinelHuntingYaml() {
    }

    static Optional<String> id(JsonNode tree) {
        return SentinelRuleYaml.text(tree, "id");
    }

    static Optional<String> name(JsonNode tree) {
        return SentinelRuleYaml.text(tree, "name");
    }

    static HuntingQuery read(JsonNode tree) {
        for (Iterator<String> fields = tree.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!SUPPORTED.contains(field)) {
                throw new ContentRefusedException(RefusalReason.UnsupportedField, "the field '" + field + "' is not supported;"
                        + " a hunting query file may hold " + String.join(", ", SUPPORTED));
            }
        }
        String id = id(tree).filter(t -> !t.isBlank())
                .orElseThrow(() -> new ContentRefusedException(RefusalReason.InvalidValue, "id: is required (the hunting query's GUID)"));
        String name = name(tree).filter(t -> !t.isBlank())
                .orElseThrow(() -> new ContentRefusedException(RefusalReason.InvalidValue, "name: is required"));
        String query = SentinelRuleYaml.text(tree, "query").filter(t -> !t.isBlank())
                .orElseThrow(() -> new ContentRefusedException(RefusalReason.InvalidValue, "query: is required (the hunting query's KQL)"));
        return new HuntingQuery(id, name, SentinelRuleYaml.text(tree, "description").map(SentinelRuleYaml::description).orElse(""), query.strip(),
                strings(tree, "tactics"), strings(tree, "relevantTechniques"), connectors(tree.path("requiredDataConnectors")),
                entityMappings(tree.path("entityMappings")), SentinelRuleYaml.text(tree, "version"));
    }

    /** Sentinel's {@code requiredDataConnectors}, as rule and hunting-query files alike write it. */
    static List<RequiredDataConnector> connectors(JsonNode connectors) {
        List<RequiredDataConnector> read = new ArrayList<>();
        for (JsonNode connector : connectors) {
            List<String> types = new ArrayList<>();
            connector.path("dataTypes").forEach(type -> types.add(type.asText()));
            if (connector.hasNonNull("connectorId")) {
                read.add(new RequiredDataConnector(connector.get("connectorId").asText(), types));
            }
        }
        return read;
    }

    private static List<EntityMapping> entityMappings(JsonNode mappings) {
        List<EntityMapping> read = new ArrayList<>();
        for (int i = 0; i < mappings.size(); i++) {
            JsonNode mapping = mappings.get(i);
            String at = "entityMappings[" + i + "]";
            String type = SentinelRuleYaml.text(mapping, "entityType").orElseThrow(() -> new ContentRefusedException(RefusalReason.InvalidValue,
                    at + ".entityType: is required"));
            List<FieldMapping> fields = new ArrayList<>();
            JsonNode given = mapping.path("fieldMappings");
            for (int j = 0; j < given.size(); j++) {
                JsonNode field = given.get(j);
                String fieldAt = at + ".fieldMappings[" + j + "]";
                fields.add(new FieldMapping(SentinelRuleYaml.text(field, "identifier").orElseThrow(() -> new ContentRefusedException(
                        RefusalReason.InvalidValue, fieldAt + ".identifier: is required")), SentinelRuleYaml.text(field, "columnName")
                        .orElseThrow(() -> new ContentRefusedException(RefusalReason.InvalidValue, fieldAt + ".columnName: is required"))));
            }
            read.add(new EntityMapping(type, fields));
        }
        return read;
    }

    private static List<String> strings(JsonNode tree, String field) {
        List<String> values = new ArrayList<>();
        tree.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }
}
