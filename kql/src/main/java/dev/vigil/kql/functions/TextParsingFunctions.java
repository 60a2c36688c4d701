package dev.vigil.kql.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * Functions that read structure out of text and run as Java code (see {@link JavaScalar}): command
 * lines, XML, several replacements at once, an IPv4 range as CIDR blocks, and user-agent strings ({@link UserAgents}).
 */
final class TextParsingFunctions {
    private static final KqlType STRING = KqlType.STRING;
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<JavaScalar> ALL = List.of(
            JavaScalar.of("parse_command_line", DYNAMIC, List.of(STRING, STRING), a -> {
                if (a[0] == null || a[1] == null || !((String) a[1]).equalsIgnoreCase("windows")) {
                    return null;
                }
                return array(CommandLines.windows((String) a[0]));
            }).deviating("a parser type other than \"windows\" gives null"),
            JavaScalar.of("parse_xml", DYNAMIC, List.of(STRING), a -> a[0] == null ? null : XmlToDynamic.parse((String) a[0])),
            JavaScalar.of("replace_strings", STRING, List.of(STRING, DYNAMIC, DYNAMIC), a -> {
                String text = a[0] == null ? "" : (String) a[0];
                return ReplaceStrings.replace(text, strings(a[1]), strings(a[2]));
            }),
            JavaScalar.of("ipv4_range_to_cidr_list", DYNAMIC, List.of(STRING, STRING), a -> {
                List<String> blocks = Ipv4Cidrs.cover((String) a[0], (String) a[1]);
                return blocks == null ? null : array(blocks);
            }));

    private TextParsingFunctions() {
    }

    /** parse_user_agent takes its targets as a string or a dynamic array; both reach the Java code as text. */
    private static final JavaFunction USER_AGENT = new JavaFunction("vigil_parse_user_agent", List.of(STRING, STRING), DYNAMIC, a -> {
        try {
            return UserAgents.parse((String) a[0], (String) a[1]);
        } catch (RuntimeException e) {
            return null;
        }
    });

    static List<FunctionDeclaration> declarations() {
        List<FunctionDeclaration> all = new ArrayList<>(ALL.stream().map(JavaScalar::declaration).toList());
        SqlRendering call = a -> "CAST(" + USER_AGENT.sqlName() + "(CAST(" + a.sql(0) + " AS VARCHAR), CAST(" + a.sql(1) + " AS VARCHAR)) AS JSON)";
        all.add(FunctionDeclaration.scalar("parse_user_agent", ColumnNaming.NONE, List.of(
                Signature.of(DYNAMIC, call, STRING, STRING), Signature.of(DYNAMIC, call, STRING, DYNAMIC)))
                .withDeviation("uap-core's patterns as uap-java 1.6.1 bundles them; Kusto's pattern set may be older or newer"));
        return all;
    }

    static List<JavaFunction> javaFunctions() {
        List<JavaFunction> all = new ArrayList<>(ALL.stream().map(JavaScalar::function).toList());
        all.add(USER_AGENT);
        return all;
    }

    private static String array(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array.toString();
    }

    /** The elements of a JSON array, each a string or null where it is not a string; empty when it is no array. */
    private static List<String> strings(Object json) {
        List<String> result = new ArrayList<>();
        if (json == null) {
            return result;
        }
        JsonNode node;
        try {
            node = JSON.readTree((String) json);
        } catch (JsonProcessingException e) {
            return result;
        }
        if (node != null && node.isArray()) {
            for (JsonNode element : node) {
                result.add(element.isTextual() ? element.asText() : null);
            }
        }
        return result;
    }
}
