package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of a thresholds formatter's {@code thresholdsGrid}: when the cell's value compares to
 * {@code thresholdValue} by {@code operator}, the cell shows {@code representation} (an icon, or a
 * colour when the formatter's {@code thresholdsOptions} is {@code colors}) and {@code text}, in which
 * {@code {0}} is the value and {@code {1}} its unit. The rows are tried in order; {@code Default}
 * takes any value.
 */
record ThresholdRule(String operator, String value, String representation, Optional<String> text) {
    /** The operators Vigil compares with, as the format writes them; a row with another never matches. */
    static final List<String> OPERATORS = List.of("==", "!=", ">", ">=", "<", "<=", "contains", "startsWith", "endsWith", "Default");

    static List<ThresholdRule> of(JsonNode grid) {
        List<ThresholdRule> rules = new ArrayList<>();
        for (JsonNode row : grid) {
            JsonNode text = row.path("text");
            rules.add(new ThresholdRule(row.path("operator").asText(""), row.path("thresholdValue").isValueNode() && !row.path("thresholdValue")
                    .isNull() ? row.path("thresholdValue").asText() : "", row.path("representation").asText(""),
                    text.isTextual() ? Optional.of(text.asText()) : Optional.empty()));
        }
        return rules;
    }

    /** The first rule the value meets, if any. */
    static Optional<ThresholdRule> first(List<ThresholdRule> rules, Object value) {
        return rules.stream().filter(rule -> rule.holds(value)).findFirst();
    }

    boolean holds(Object cell) {
        String text = cell == null ? "" : cell.toString();
        Optional<Double> number = NumberText.number(cell);
        Optional<Double> threshold = NumberText.number(value);
        boolean numeric = number.isPresent() && threshold.isPresent();
        return switch (operator) {
            case "Default" -> true;
            case "==" -> numeric ? number.get().doubleValue() == threshold.get().doubleValue() : text.equals(value);
            case "!=" -> numeric ? number.get().doubleValue() != threshold.get().doubleValue() : !text.equals(value);
            case ">" -> numeric && number.get() > threshold.get();
            case ">=" -> numeric && number.get() >= threshold.get();
            case "<" -> numeric && number.get() < threshold.get();
            case "<=" -> numeric && number.get() <= threshold.get();
            case "contains" -> text.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
            case "startsWith" -> text.toLowerCase(Locale.ROOT).startsWith(value.toLowerCase(Locale.ROOT));
            case "endsWith" -> text.toLowerCase(Locale.ROOT).endsWith(value.toLowerCase(Locale.ROOT));
            default -> false;
        };
    }

    /** The text the cell shows: {@code text} with the value and unit put in, or the value itself when the row sets none. */
    String show(NumberText.Parts parts) {
        return text.orElse("{0}{1}").replace("{0}", parts.number()).replace("{1}", parts.unit().equals("%") || parts.unit().isEmpty() ? parts.unit()
                : " " + parts.unit());
    }
}
