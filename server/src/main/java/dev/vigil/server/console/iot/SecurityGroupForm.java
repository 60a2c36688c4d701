package dev.vigil.server.console.iot;

import dev.vigil.iot.registry.DeviceSecurityGroup;
import dev.vigil.iot.registry.InvalidResourceException;
import dev.vigil.iot.registry.ListRule;
import dev.vigil.iot.registry.RangeRule;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A device security group as its edit form shows it, one row per custom alert rule, and the form
 * read back: each value checked by the registry's own records, each refusal kept at the field it is
 * about, so that the page shows it there.
 *
 * @param ranges the range rules: those the detection engine evaluates, then any other the group holds
 * @param lists an allow list and a deny list per list rule type
 */
public record SecurityGroupForm(List<RangeRow> ranges, List<ListRow> lists) {
    /** The range rules Vigil's detection evaluates, with the words the page shows for what they count. */
    static final Map<String, String> RANGE_RULES = labels(
            "ActiveConnectionsNotInAllowedRange", "Active connections",
            "FailedLocalLoginsNotInAllowedRange", "Failed local logins",
            "MqttD2CMessagesNotInAllowedRange", "Device-to-cloud messages over MQTT",
            "MqttC2DMessagesNotInAllowedRange", "Cloud-to-device messages over MQTT",
            "MqttC2DRejectedMessagesNotInAllowedRange", "Rejected cloud-to-device messages over MQTT",
            "HttpD2CMessagesNotInAllowedRange", "Device-to-cloud messages over HTTPS",
            "HttpC2DMessagesNotInAllowedRange", "Cloud-to-device messages over HTTPS",
            "HttpC2DRejectedMessagesNotInAllowedRange", "Rejected cloud-to-device messages over HTTPS");
    static final Map<String, String> LIST_RULES = labels(
            "ConnectionToIpNotAllowed", "Connections to IP addresses (addresses or CIDR ranges)",
            "LocalUserNotAllowed", "Local users (user names)",
            "ProcessNotAllowed", "Processes (command lines)");
    static final String ALLOW = "allow";
    static final String DENY = "deny";
    /** What an empty window means: a threshold rule, counted in the engine's default window. */
    private static final String NO_WINDOW = "";

    /**
     * @param window an ISO 8601 duration such as {@code PT5M}; empty for a threshold rule
     * @param saved whether the group holds this rule (a disabled one keeps its thresholds)
     */
    public record RangeRow(String ruleType, String label, boolean enabled, String min, String max, String window, boolean saved,
            Optional<String> minError, Optional<String> maxError, Optional<String> windowError) {

        public String fieldId(String field) {
            return "range-" + ruleType + "-" + field;
        }

        public boolean invalid() {
            return minError.isPresent() || maxError.isPresent() || windowError.isPresent();
        }
    }

    /** @param kind {@link #ALLOW} or {@link #DENY}; @param values one per line */
    public record ListRow(String ruleType, String kind, String label, boolean enabled, String values, Optional<String> error) {

        public String fieldId() {
            return kind + "-" + ruleType;
        }
    }

    /** The group's rules as rows; a group that does not exist yet has every rule off. */
    static SecurityGroupForm of(Optional<DeviceSecurityGroup> group) {
        Map<String, RangeRule> ranges = new LinkedHashMap<>();
        group.ifPresent(g -> {
            g.thresholdRules().forEach(rule -> ranges.put(rule.ruleType(), rule));
            g.timeWindowRules().forEach(rule -> ranges.put(rule.ruleType(), rule));
        });
        List<RangeRow> rangeRows = new ArrayList<>();
        for (String type : rangeTypes(ranges.keySet())) {
            RangeRule rule = ranges.get(type);
            rangeRows.add(rule == null
                    ? new RangeRow(type, label(type), false, "0", "", "PT5M", false, Optional.empty(), Optional.empty(), Optional.empty())
                    : new RangeRow(type, label(type), rule.isEnabled(), Long.toString(rule.minThreshold()), Long.toString(rule.maxThreshold()),
                            rule.timeWindowSize() == null ? NO_WINDOW : rule.timeWindowSize(), true, Optional.empty(), Optional.empty(), Optional.empty()));
        }
        List<ListRow> listRows = new ArrayList<>();
        for (String type : LIST_RULES.keySet()) {
            listRows.add(listRow(type, ALLOW, group.flatMap(g -> find(g.allowlistRules(), type))));
            listRows.add(listRow(type, DENY, group.flatMap(g -> find(g.denylistRules(), type))));
        }
        return new SecurityGroupForm(rangeRows, listRows);
    }

    /**
     * The form as posted: every row with what the user typed and, where a value breaks a rule, why.
     * Rows left off and never saved are not part of the group.
     */
    static SecurityGroupForm read(Context ctx, Set<String> savedTypes) {
        List<RangeRow> rangeRows = new ArrayList<>();
        for (String type : rangeTypes(savedTypes)) {
            String prefix = "range." + type + ".";
            rangeRows.add(rangeRow(type, ctx.formParam(prefix + "enabled") != null, text(ctx, prefix + "min"), text(ctx, prefix + "max"),
                    text(ctx, prefix + "window"), ctx.formParam(prefix + "saved") != null));
        }
        List<ListRow> listRows = new ArrayList<>();
        for (String type : LIST_RULES.keySet()) {
            for (String kind : List.of(ALLOW, DENY)) {
                String prefix = kind + "." + type + ".";
                String values = text(ctx, prefix + "values");
                boolean enabled = ctx.formParam(prefix + "enabled") != null;
                listRows.add(new ListRow(type, kind, label(type), enabled, values, listError(type, enabled, values)));
            }
        }
        return new SecurityGroupForm(rangeRows, listRows);
    }

    boolean valid() {
        return ranges.stream().noneMatch(RangeRow::invalid) && lists.stream().allMatch(row -> row.error().isEmpty());
    }

    /** How many fields are refused, for the summary at the top of the form. */
    long errorCount() {
        return ranges.stream().mapToLong(r -> (r.minError().isPresent() ? 1 : 0) + (r.maxError().isPresent() ? 1 : 0) + (r.windowError().isPresent() ? 1 : 0)).sum()
                + lists.stream().filter(row -> row.error().isPresent()).count();
    }

    /** The group the rows describe; call only when {@link #valid()}. */
    DeviceSecurityGroup group(String hubName, String name) {
        List<RangeRule> windows = new ArrayList<>();
        List<RangeRule> thresholds = new ArrayList<>();
        for (RangeRow row : ranges) {
            if (!row.enabled() && !row.saved()) {
                continue;
            }
            RangeRule rule = rangeRule(row.ruleType(), row.enabled(), Long.parseLong(row.min()), Long.parseLong(row.max()), row.window());
            (rule.timeWindowSize() == null ? thresholds : windows).add(rule);
        }
        List<ListRule> allow = new ArrayList<>();
        List<ListRule> deny = new ArrayList<>();
        for (ListRow row : lists) {
            if (row.enabled() || !row.values().isBlank()) {
                (row.kind().equals(ALLOW) ? allow : deny).add(new ListRule(row.ruleType(), row.enabled(), values(row.values()), null));
            }
        }
        return new DeviceSecurityGroup(hubName, name, windows, thresholds, allow, deny);
    }

    /** A row as typed, each field checked alone first so that a refusal names the field it is about. */
    private static RangeRow rangeRow(String type, boolean enabled, String min, String max, String window, boolean saved) {
        boolean used = enabled || saved;
        Optional<String> minError = used ? count(min, "minimum") : Optional.empty();
        Optional<String> maxError = used ? count(max, "maximum") : Optional.empty();
        Optional<String> windowError = Optional.empty();
        if (used && !window.isEmpty()) {
            windowError = refusal(() -> rangeRule(type, enabled, 0, 0, window));
        }
        if (used && minError.isEmpty() && maxError.isEmpty() && windowError.isEmpty()) {
            maxError = refusal(() -> rangeRule(type, enabled, Long.parseLong(min), Long.parseLong(max), NO_WINDOW));
        }
        return new RangeRow(type, label(type), enabled, min, max, window, saved, minError, maxError, windowError);
    }

    private static RangeRule rangeRule(String type, boolean enabled, long min, long max, String window) {
        return new RangeRule(type, enabled, min, max, window.isEmpty() ? null : window);
    }

    private static Optional<String> count(String text, String name) {
        if (text.isEmpty()) {
            return Optional.of("Enter the " + name + ": a whole number, 0 or more.");
        }
        try {
            if (Long.parseLong(text) >= 0) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // described below
        }
        return Optional.of("The " + name + " must be a whole number, 0 or more; '" + text + "' is not.");
    }

    private static Optional<String> listError(String type, boolean enabled, String values) {
        if (enabled && values(values).isEmpty()) {
            return Optional.of("An enabled list needs at least one value, one per line.");
        }
        return refusal(() -> new ListRule(type, enabled, values(values), null));
    }

    private static Optional<String> refusal(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (InvalidResourceException e) {
            return Optional.of(sentence(e.getMessage()));
        }
    }

    /** The registry's message as a sentence of the page: capital first letter, full stop. */
    private static String sentence(String message) {
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    private static List<String> values(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    private static ListRow listRow(String type, String kind, Optional<ListRule> rule) {
        return new ListRow(type, kind, label(type), rule.map(ListRule::isEnabled).orElse(false),
                rule.map(r -> String.join("\n", r.allowlistValues())).orElse(""), Optional.empty());
    }

    private static Optional<ListRule> find(List<ListRule> rules, String type) {
        return rules.stream().filter(rule -> rule.ruleType().equals(type)).findFirst();
    }

    private static Set<String> rangeTypes(Set<String> saved) {
        Set<String> types = new LinkedHashSet<>(RANGE_RULES.keySet());
        types.addAll(saved);
        return types;
    }

    private static String label(String type) {
        return RANGE_RULES.getOrDefault(type, LIST_RULES.getOrDefault(type, type));
    }

    private static Map<String, String> labels(String... typesAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < typesAndLabels.length; i += 2) {
            labels.put(typesAndLabels[i], typesAndLabels[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(labels);
    }
}
