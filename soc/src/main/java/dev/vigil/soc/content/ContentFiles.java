package dev.vigil.soc.content;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;

/** Reads content files: YAML and JSON alike (JSON is YAML), into one tree shape. */
public final class ContentFiles {
    private static final YAMLMapper YAML = new YAMLMapper();
    /** The fields an analytic rule has and a hunting query has not: a rule file names at least one of them (its severity, at least). */
    private static final List<String> RULE_FIELDS = List.of("severity", "kind", "queryFrequency", "queryPeriod", "triggerOperator",
            "triggerThreshold", "incidentConfiguration", "eventGroupingSettings");

    private ContentFiles() {
    }

    /**
     * Which imports the file belongs to, read once: the parser import takes parser YAML and
     * templates with functions among their resources; the rule import takes rule YAML, templates
     * with rules among their resources, and any file that is not a parser, so that the rule import
     * names what is wrong with it.
     */
    public static ContentTargets targets(ContentFile file) {
        JsonNode tree = readOrNull(file);
        if (tree == null) {
            return new ContentTargets(false, true);
        }
        return switch (kindOf(tree)) {
            case PARSER_YAML -> new ContentTargets(true, false);
            case RULE_YAML, HUNTING_YAML, SIGMA_YAML, UNKNOWN -> new ContentTargets(false, true);
            case ARM_TEMPLATE -> {
                boolean functions = !ArmTemplate.functionResources(tree).isEmpty();
                yield new ContentTargets(functions, !functions || !ArmTemplate.ruleResources(tree).isEmpty());
            }
        };
    }

    private static JsonNode readOrNull(ContentFile file) {
        try {
            return read(file);
        } catch (ContentRefusedException e) {
            return null;
        }
    }

    static ContentKind kindOf(JsonNode tree) {
        if (tree.has("resources") && tree.get("resources").isArray()) {
            return ContentKind.ARM_TEMPLATE;
        }
        if (tree.has("FunctionName") || tree.has("FunctionQuery") || tree.has("ParserName") || tree.has("ParserQuery")) {
            return ContentKind.PARSER_YAML;
        }
        if (tree.has("detection") && tree.has("logsource")) {
            return ContentKind.SIGMA_YAML;
        }
        if (tree.has("query") && (tree.has("id") || tree.has("name"))) {
            return RULE_FIELDS.stream().anyMatch(tree::has) ? ContentKind.RULE_YAML : ContentKind.HUNTING_YAML;
        }
        return ContentKind.UNKNOWN;
    }

    /** The file's top-level object. */
    static JsonNode read(ContentFile file) {
        JsonNode tree;
        try {
            tree = YAML.readTree(file.text());
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ContentRefusedException(RefusalReason.UnreadableFile, "the file is not valid YAML or JSON" + where + ": "
                    + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new ContentRefusedException(RefusalReason.UnreadableFile, "the file does not hold an object of fields"
                    + " (a Sentinel rule or parser, or an ARM template)");
        }
        return tree;
    }
}
