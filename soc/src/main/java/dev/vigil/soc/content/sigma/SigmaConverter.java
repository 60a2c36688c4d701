package dev.vigil.soc.content.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts a Sigma detection rule into the parts of a Scheduled rule: its log source picks the
 * table and the field mapping, its detection becomes {@code Table | where ...}; its {@code level}
 * the severity, its {@code attack.*} tags the tactics and techniques. Throws
 * {@link SigmaConversionException} naming what does not convert.
 */
public final class SigmaConverter {
    private static final Set<String> TACTICS = Set.of("reconnaissance", "resource_development", "initial_access", "execution", "persistence",
            "privilege_escalation", "defense_evasion", "credential_access", "discovery", "lateral_movement", "collection", "command_and_control",
            "exfiltration", "impact", "inhibit_response_function", "impair_process_control");
    private static final Pattern TECHNIQUE = Pattern.compile("attack\\.(t\\d{4}(?:\\.\\d{3})?)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> LEVELS = Map.of("informational", "Informational", "low", "Low", "medium", "Medium", "high", "High",
            "critical", "High");

    private SigmaConverter() {
    }

    /** The rule's id as the file gives it, for answers about a file refused before it is read whole. */
    public static Optional<String> id(JsonNode tree) {
        return text(tree, "id");
    }

    public static Optional<String> title(JsonNode tree) {
        return text(tree, "title");
    }

    public static SigmaConversion convert(JsonNode tree) {
        String title = title(tree).filter(t -> !t.isBlank()).orElseThrow(() -> SigmaConversionException.invalid("title: is required"));
        JsonNode source = tree.path("logsource");
        if (!source.isObject()) {
            throw SigmaConversionException.invalid("logsource: is required (product, category, service)");
        }
        LogSourceMapping mapping = LogSourceMappings.of(new LogSource(text(source, "product"), text(source, "category"), text(source, "service")));
        Detection detection = Detection.read(tree.path("detection"));
        String query = mapping.table() + "\n| where " + detection.condition().kql(mapping);
        String id = id(tree).filter(t -> !t.isBlank())
                .orElseGet(() -> UUID.nameUUIDFromBytes(("sigma/" + title).getBytes(StandardCharsets.UTF_8)).toString());
        String level = text(tree, "level").orElse("medium").toLowerCase(Locale.ROOT);
        String severity = Optional.ofNullable(LEVELS.get(level)).orElseThrow(() -> SigmaConversionException.invalid("level: '" + level
                + "' is not one of informational, low, medium, high, critical"));
        List<String> tactics = new ArrayList<>();
        List<String> techniques = new ArrayList<>();
        for (JsonNode tag : tree.path("tags")) {
            String text = tag.asText().toLowerCase(Locale.ROOT);
            Matcher technique = TECHNIQUE.matcher(text);
            if (technique.matches()) {
                techniques.add(technique.group(1).toUpperCase(Locale.ROOT));
            } else if (text.startsWith("attack.") && TACTICS.contains(text.substring("attack.".length()))) {
                tactics.add(pascal(text.substring("attack.".length())));
            }
        }
        Optional<String> version = text(tree, "modified").or(() -> text(tree, "date")).map(date -> date.replace('/', '.').replace('-', '.'));
        return new SigmaConversion(id, title, text(tree, "description").orElse("").strip(), severity, tactics, techniques, mapping.table(), query,
                mapping.entityMappings(), version);
    }

    private static String pascal(String snake) {
        StringBuilder text = new StringBuilder();
        for (String word : snake.split("_")) {
            text.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return text.toString();
    }

    private static Optional<String> text(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? Optional.empty() : Optional.of(value.asText());
    }
}
