package dev.vigil.soc.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.kql.KqlQuoting;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sentinel's parser YAML ({@code FunctionName}, {@code FunctionAlias}, {@code FunctionQuery},
 * {@code FunctionParams}), and ASIM's variant of it ({@code ParserName},
 * {@code EquivalentBuiltInParser}, {@code ParserQuery}, {@code ParserParams}). The function is
 * saved under its name and under its alias, so content calling either finds it. Parameters are
 * written as a KQL parameter list; a default is taken as KQL as written ({@code datetime(null)},
 * {@code dynamic([])}, {@code false}), except a string parameter's plain text, which is quoted.
 */
final class SentinelParserYaml {
    private SentinelParserYaml() {
    }

    /** The first name the file gives, for answers about a file refused before it is read whole. */
    static Optional<String> name(JsonNode tree) {
        return text(tree, "FunctionAlias").or(() -> text(tree, "FunctionName")).or(() -> text(tree, "ParserName"));
    }

    static ParserDocument read(JsonNode tree) {
        boolean asim = !tree.has("FunctionName") && !tree.has("FunctionQuery");
        Set<String> names = new LinkedHashSet<>();
        if (asim) {
            text(tree, "ParserName").ifPresent(names::add);
            text(tree, "EquivalentBuiltInParser").ifPresent(names::add);
        } else {
            text(tree, "FunctionName").ifPresent(names::add);
            text(tree, "FunctionAlias").ifPresent(names::add);
        }
        if (names.isEmpty()) {
            throw new ContentRefusedException(RefusalReason.InvalidValue, (asim ? "ParserName" : "FunctionName") + ": is required");
        }
        String queryField = asim ? "ParserQuery" : "FunctionQuery";
        String body = text(tree, queryField).filter(q -> !q.isBlank())
                .orElseThrow(() -> new ContentRefusedException(RefusalReason.InvalidValue, queryField + ": is required (the function's KQL)"));
        JsonNode header = tree.path(asim ? "Parser" : "Function");
        return new ParserDocument(List.copyOf(names), parameters(tree.path(asim ? "ParserParams" : "FunctionParams"), asim), body.strip(),
                text(header, "Version"), text(tree, "Category"), text(header, "Title"));
    }

    private static String parameters(JsonNode params, boolean asim) {
        String field = asim ? "ParserParams" : "FunctionParams";
        if (params.isMissingNode() || params.isNull()) {
            return "";
        }
        if (!params.isArray()) {
            throw new ContentRefusedException(RefusalReason.InvalidValue, field + ": must be a list of parameters (Name, Type, Default)");
        }
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            JsonNode param = params.get(i);
            String at = field + "[" + i + "]";
            String name = text(param, "Name").orElseThrow(() -> new ContentRefusedException(RefusalReason.InvalidValue, at + ".Name: is required"));
            String typeName = text(param, "Type").orElseThrow(() -> new ContentRefusedException(RefusalReason.InvalidValue, at + ".Type: is required"));
            KqlType type = KqlType.fromName(typeName.trim()).orElseThrow(() -> new ContentRefusedException(RefusalReason.UnsupportedField,
                    at + ".Type: '" + typeName + "' is not a scalar KQL type (table parameters are not supported in parser files)"));
            String declaration = KqlQuoting.name(name) + ":" + type.kqlName();
            JsonNode defaultValue = param.get("Default");
            if (defaultValue != null && !defaultValue.isNull()) {
                declaration += " = " + defaultLiteral(type, defaultValue);
            }
            declared.add(declaration);
        }
        return declared.isEmpty() ? "" : "(" + String.join(", ", declared) + ")";
    }

    private static String defaultLiteral(KqlType type, JsonNode value) {
        if (value.isContainerNode()) {
            return "dynamic(" + value + ")";
        }
        String text = value.asText().trim();
        if (type == KqlType.STRING && !isQuoted(text)) {
            return KqlQuoting.stringLiteral(value.asText());
        }
        return text;
    }

    private static boolean isQuoted(String text) {
        return text.length() >= 2 && (text.startsWith("'") && text.endsWith("'") || text.startsWith("\"") && text.endsWith("\""));
    }

    private static Optional<String> text(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? Optional.empty() : Optional.of(value.asText());
    }
}
