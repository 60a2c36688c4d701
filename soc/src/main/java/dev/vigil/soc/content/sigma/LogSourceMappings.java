package dev.vigil.soc.content.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.soc.rule.EntityMapping;
import dev.vigil.soc.rule.FieldMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The log source mappings Vigil ships ({@code logsource-mappings.yaml}): SecurityEvent, Syslog, CommonSecurityLog and IoT raw events. */
final class LogSourceMappings {
    private static final String RESOURCE = "logsource-mappings.yaml";
    private static final List<LogSourceMapping> BUILT_IN = load();

    private LogSourceMappings() {
    }

    /** The mapping of the rule's log source; refuses a source no mapping covers, naming those that exist. */
    static LogSourceMapping of(LogSource source) {
        return BUILT_IN.stream().filter(mapping -> source.matches(mapping.logSource())).findFirst()
                .orElseThrow(() -> SigmaConversionException.unsupported("logsource " + source + " has no field mapping; Vigil maps "
                        + String.join(", ", BUILT_IN.stream().map(m -> m.logSource() + " to " + m.table()).toList())));
    }

    private static List<LogSourceMapping> load() {
        try (InputStream in = LogSourceMappings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Sigma log source mappings " + RESOURCE + " are missing from the class path");
            }
            List<LogSourceMapping> mappings = new ArrayList<>();
            for (JsonNode mapping : new YAMLMapper().readTree(in).path("mappings")) {
                JsonNode source = mapping.path("logsource");
                Map<String, String> fields = new LinkedHashMap<>();
                mapping.path("fields").fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
                List<EntityMapping> entities = new ArrayList<>();
                for (JsonNode entity : mapping.path("entityMappings")) {
                    List<FieldMapping> identifiers = new ArrayList<>();
                    entity.path("fieldMappings").forEach(f -> identifiers.add(new FieldMapping(f.path("identifier").asText(), f.path("columnName").asText())));
                    entities.add(new EntityMapping(entity.path("entityType").asText(), identifiers));
                }
                mappings.add(new LogSourceMapping(mapping.path("name").asText(), new LogSource(text(source, "product"), text(source, "category"),
                        text(source, "service")), mapping.path("table").asText(), fields, text(mapping, "keywordField"), entities));
            }
            return List.copyOf(mappings);
        } catch (IOException e) {
            throw new UncheckedIOException("the Sigma log source mappings " + RESOURCE + " cannot be read", e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).filter(JsonNode::isValueNode).map(JsonNode::asText);
    }
}
