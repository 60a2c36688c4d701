package dev.vigil.soc.workbook.evaluation;

import dev.vigil.workspace.api.QueryLiterals;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parameter's value as a workbook evaluation uses it.
 *
 * @param values the chosen values (one for a text or single-choice parameter; none when unset)
 * @param labels what the chosen values are called, in the same order
 * @param timeRange for a time range parameter, its range
 * @param required whether items that use it wait until it is set
 * @param quote what a multi-value parameter quotes each value with
 * @param delimiter what separates a multi-value parameter's values
 * @param options a drop-down's choices, as its JSON or query gave them
 */
public record ParameterValue(String name, List<String> values, List<String> labels, Optional<TimeRangeValue> timeRange, boolean required,
        boolean multiSelect, String quote, String delimiter, List<DropDownOption> options) {
    public ParameterValue {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        labels = List.copyOf(labels);
        options = List.copyOf(options);
    }

    static ParameterValue single(String name, String value, String label) {
        return new ParameterValue(name, List.of(value), List.of(label), Optional.empty(), false, false, "", ",", List.of());
    }

    static ParameterValue time(String name, TimeRangeValue range, boolean required) {
        return new ParameterValue(name, List.of(range.timespan()), List.of(range.label()), Optional.of(range), required, false, "", ",", List.of());
    }

    public boolean isSet() {
        return timeRange.isPresent() || !values.isEmpty();
    }

    /** The chosen values joined as a visibility condition compares them. */
    public String plain() {
        return String.join(",", values);
    }

    public String label() {
        return String.join(", ", labels);
    }

    /**
     * The text that replaces {@code {Name}} (no format) or {@code {Name:format}}, or empty for a
     * format this parameter does not have, which is then left as written.
     *
     * @param inQuery whether the text is KQL: a bare time range becomes its filter there, its label elsewhere
     */
    public Optional<String> format(Optional<String> format, boolean inQuery, Instant now) {
        if (timeRange.isPresent()) {
            return timeFormat(timeRange.get(), format.orElse(inQuery ? "query" : "label"), inQuery, now);
        }
        String form = format.orElse("value");
        return switch (form) {
            case "value" -> Optional.of(formatted());
            case "label" -> Optional.of(label());
            case "escape" -> Optional.of(formatted().replace("\\", "\\\\").replace("\"", "\\\"").replace("'", "\\'"));
            default -> Optional.empty();
        };
    }

    /** The values, quoted and delimited when the parameter takes several. */
    private String formatted() {
        if (!multiSelect) {
            return values.isEmpty() ? "" : values.get(0);
        }
        StringBuilder text = new StringBuilder();
        for (String value : values) {
            if (!text.isEmpty()) {
                text.append(delimiter);
            }
            text.append(quote).append(quote.isEmpty() ? value : value.replace("\\", "\\\\").replace(quote, "\\" + quote)).append(quote);
        }
        return text.toString();
    }

    private static Optional<String> timeFormat(TimeRangeValue range, String form, boolean inQuery, Instant now) {
        return switch (form) {
            case "label" -> Optional.of(range.label());
            case "value", "query" -> Optional.of(range.query());
            case "start" -> Optional.of(instant(range.start(now), inQuery));
            case "end" -> Optional.of(instant(range.end(now), inQuery));
            case "grain" -> Optional.of(QueryLiterals.timespan(range.grain(now)));
            default -> Optional.empty();
        };
    }

    /** A time in a query is a datetime literal; in text, ISO 8601. */
    private static String instant(Instant instant, boolean inQuery) {
        return inQuery ? QueryLiterals.datetime(instant) : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
