package dev.vigil.soc.workbook.evaluation;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code {Name}} and {@code {Name:format}} in a text or query with the parameter's value.
 * A name that is no parameter of the workbook is left as written: KQL has braces of its own
 * ({@code dynamic({"a": 1})}).
 */
final class ParameterSubstitution {
    private static final Pattern REFERENCE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z]+))?}");
    private static final String DATETIME_CALL = "datetime(";

    private final Map<String, ParameterValue> values;
    private final Instant now;

    ParameterSubstitution(Map<String, ParameterValue> values, Instant now) {
        this.values = values;
        this.now = now;
    }

    String apply(String text, boolean inQuery) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            ParameterValue value = values.get(matcher.group(1));
            Optional<String> replacement = value == null ? Optional.empty()
                    : value.format(Optional.ofNullable(matcher.group(2)).map(format -> format.toLowerCase(Locale.ROOT)), inQuery, now);
            String chosen = replacement.orElse(matcher.group());
            // a query that wraps the time itself, datetime({TimeRange:start}), gets the bare time
            if (inQuery && chosen.startsWith(DATETIME_CALL) && precededByDatetimeCall(text, matcher.start())) {
                chosen = chosen.substring(DATETIME_CALL.length(), chosen.length() - 1);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(chosen));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The names of every {@code {Name}} and {@code {Name:format}} in the text, parameters of the workbook or not. */
    static Set<String> references(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = REFERENCE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The required parameters the text refers to that have no value: the item cannot be drawn until they do. */
    Set<String> unset(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = REFERENCE.matcher(text);
        while (matcher.find()) {
            ParameterValue value = values.get(matcher.group(1));
            if (value != null && value.required() && !value.isSet()) {
                names.add(value.name());
            }
        }
        return names;
    }

    private static boolean precededByDatetimeCall(String text, int at) {
        String before = text.substring(0, at).stripTrailing();
        return before.length() >= DATETIME_CALL.length()
                && before.substring(before.length() - DATETIME_CALL.length()).equalsIgnoreCase(DATETIME_CALL);
    }
}
