package dev.vigil.server.console.analytics;

import dev.vigil.soc.rule.InvalidAlertRuleException;
import java.time.Duration;
import java.util.List;

/**
 * A duration as the wizard asks for it, an amount and a unit ("5" "Hours"), which the rule's JSON
 * holds as ISO 8601 ({@code PT5H}). The domain checks the bounds; this only refuses an amount that
 * is not a whole number, naming the rule property it is for.
 */
public record DurationField(String amount, String unit) {
    public static final List<String> UNITS = List.of("Minutes", "Hours", "Days");

    /** The largest unit that holds the duration exactly: 90 minutes stay minutes, 24 hours become a day. */
    public static DurationField of(Duration duration) {
        if (!duration.isZero() && duration.toSeconds() % Duration.ofDays(1).toSeconds() == 0) {
            return new DurationField(Long.toString(duration.toDays()), "Days");
        }
        if (duration.toSeconds() % Duration.ofHours(1).toSeconds() == 0) {
            return new DurationField(Long.toString(duration.toHours()), "Hours");
        }
        return new DurationField(Long.toString(duration.toMinutes()), "Minutes");
    }

    /** The ISO 8601 text, or empty when no amount is given (the domain then says the property is required). */
    String iso(String property) {
        String text = amount.strip();
        if (text.isEmpty()) {
            return "";
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidAlertRuleException(property, "'" + text + "' is not a whole number of " + unit.toLowerCase(java.util.Locale.ROOT));
        }
        return switch (unit) {
            case "Days" -> "P" + value + "D";
            case "Hours" -> "PT" + value + "H";
            default -> "PT" + value + "M";
        };
    }
}
