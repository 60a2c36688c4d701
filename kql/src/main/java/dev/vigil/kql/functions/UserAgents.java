package dev.vigil.kql.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import ua_parser.OS;
import ua_parser.Parser;
import ua_parser.UserAgent;

/**
 * {@code parse_user_agent(text, look_for)}: the browser, operating system and device a user-agent string names, by the
 * patterns of uap-core (the project whose names Kusto's results use), as bundled with uap-java. Browsers and systems are
 * read by uap-java; devices by uap-core's device rules here, because uap-java gives only a device's family and Kusto
 * gives its brand and model too. A part that is not found is an empty string, an unknown family "Other".
 */
final class UserAgents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UserAgents() {
    }

    /** The patterns are read once, on first use: there are over a thousand. */
    private static final class Patterns {
        static final Parser PARSER = new Parser();
        static final List<DeviceRule> DEVICES = deviceRules();
    }

    /** One of uap-core's device rules: a pattern and how the device's family, brand and model are written from its groups. */
    private record DeviceRule(Pattern pattern, String family, String brand, String model) {
    }

    /** The parts named by {@code lookFor} (a target, or a JSON array of targets: browser, os, device) as a JSON bag. */
    static String parse(String userAgent, String lookFor) {
        Set<String> targets = targets(lookFor);
        String text = userAgent == null ? "" : userAgent;
        ObjectNode result = JSON.createObjectNode();
        if (targets.contains("browser")) {
            UserAgent browser = Patterns.PARSER.parseUserAgent(text);
            versioned(result.putObject("Browser"), browser.family, browser.major, browser.minor, browser.patch);
        }
        if (targets.contains("os")) {
            OS os = Patterns.PARSER.parseOS(text);
            versioned(result.putObject("OperatingSystem"), os.family, os.major, os.minor, os.patch)
                    .put("PatchMinor", orEmpty(os.patchMinor));
        }
        if (targets.contains("device")) {
            ObjectNode part = result.putObject("Device");
            device(text, part);
        }
        return result.toString();
    }

    /** A browser's or system's family and version, each part an empty string when unknown. */
    private static ObjectNode versioned(ObjectNode part, String family, String major, String minor, String patch) {
        return part.put("Family", orEmpty(family)).put("MajorVersion", orEmpty(major)).put("MinorVersion", orEmpty(minor))
                .put("Patch", orEmpty(patch));
    }

    private static Set<String> targets(String lookFor) {
        Set<String> targets = new LinkedHashSet<>();
        if (lookFor == null) {
            return targets;
        }
        String trimmed = lookFor.trim();
        if (trimmed.startsWith("[")) {
            try {
                for (JsonNode element : JSON.readTree(trimmed)) {
                    targets.add(element.asText().toLowerCase(Locale.ROOT));
                }
            } catch (JsonProcessingException e) {
                return targets;
            }
        } else {
            targets.add(trimmed.toLowerCase(Locale.ROOT));
        }
        return targets;
    }

    private static void device(String text, ObjectNode part) {
        for (DeviceRule rule : Patterns.DEVICES) {
            Matcher matcher = rule.pattern().matcher(text);
            if (!matcher.find()) {
                continue;
            }
            String family = rule.family() == null ? group(matcher, 1) : replace(rule.family(), matcher);
            String model = rule.model() == null ? group(matcher, 1) : replace(rule.model(), matcher);
            part.put("Family", family.isEmpty() ? "Other" : family);
            part.put("Brand", rule.brand() == null ? "" : replace(rule.brand(), matcher));
            part.put("Model", model);
            return;
        }
        part.put("Family", "Other");
        part.put("Brand", "");
        part.put("Model", "");
    }

    /** A replacement with $1..$9 taken from the match's groups (an absent group as nothing), trimmed. */
    private static String replace(String replacement, Matcher matcher) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '$' && i + 1 < replacement.length() && Character.isDigit(replacement.charAt(i + 1))) {
                out.append(group(matcher, replacement.charAt(i + 1) - '0'));
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString().trim();
    }

    private static String group(Matcher matcher, int group) {
        String value = group <= matcher.groupCount() ? matcher.group(group) : null;
        return value == null ? "" : value.trim();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @SuppressWarnings("unchecked")
    private static List<DeviceRule> deviceRules() {
        try (InputStream in = Parser.class.getResourceAsStream("/ua_parser/regexes.yaml")) {
            if (in == null) {
                throw new IllegalStateException("uap-java's regexes.yaml is not on the class path");
            }
            Map<String, Object> document = new Yaml(Parser.getDefaultLoaderOptions()).load(in);
            List<DeviceRule> rules = new ArrayList<>();
            for (Map<String, String> entry : (List<Map<String, String>>) document.get("device_parsers")) {
                int flags = "i".equals(entry.get("regex_flag")) ? Pattern.CASE_INSENSITIVE : 0;
                rules.add(new DeviceRule(Pattern.compile(entry.get("regex"), flags), entry.get("device_replacement"),
                        entry.get("brand_replacement"), entry.get("model_replacement")));
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
