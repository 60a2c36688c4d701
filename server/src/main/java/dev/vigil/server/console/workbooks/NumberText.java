package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A formatter's {@code numberFormat}: the value's unit ({@code unit}) and its digits
 * ({@code options.maximumFractionDigits}, {@code minimumFractionDigits}, {@code maximumSignificantDigits},
 * {@code useGrouping}), as a
 * number and a unit suffix, the {@code {0}} and {@code {1}} of a threshold's text. The units Vigil
 * scales are 0 (none), 1 (percentage), 2 (bytes: KB, MB, ... by 1024), 17 (count), 23 (milliseconds)
 * and 24 (seconds), the latter two to the largest of ms, s, min, h and d that keeps the value at 1 or
 * more (1234 ms reads 1.234 s); another unit shows the number alone.
 *
 * @param unit Sentinel's unit number, or -1 when the formatter sets no number format
 */
record NumberText(int unit, int maxFractionDigits, int minFractionDigits, int maxSignificantDigits, boolean grouping) {
    static final NumberText PLAIN = new NumberText(-1, 3, 0, 0, false);
    /** The units the editor offers, with what they are called. */
    static final List<Integer> UNITS = List.of(0, 1, 2, 17, 23, 24);
    private static final String[] BYTES = {"B", "KB", "MB", "GB", "TB", "PB"};

    static NumberText of(JsonNode formatter) {
        JsonNode format = formatter.path("numberFormat");
        if (!format.isObject()) {
            return PLAIN;
        }
        JsonNode options = format.path("options");
        int max = options.path("maximumFractionDigits").isIntegralNumber() ? options.path("maximumFractionDigits").asInt() : 2;
        int min = options.path("minimumFractionDigits").isIntegralNumber() ? options.path("minimumFractionDigits").asInt() : 0;
        int significant = options.path("maximumSignificantDigits").isIntegralNumber() ? options.path("maximumSignificantDigits").asInt() : 0;
        return new NumberText(format.path("unit").asInt(0), Math.max(0, Math.min(20, max)), Math.max(0, Math.min(Math.min(20, max), min)),
                Math.max(0, Math.min(21, significant)), !options.path("useGrouping").isBoolean() || options.path("useGrouping").asBoolean());
    }

    static String unitLabel(int unit) {
        return switch (unit) {
            case 0 -> "None";
            case 1 -> "Percentage";
            case 2 -> "Bytes";
            case 17 -> "Count";
            case 23 -> "Milliseconds";
            case 24 -> "Seconds";
            default -> "Unit " + unit + " (kept; shown as a number)";
        };
    }

    /** The value written as a number and its unit; empty for a value that is no number. */
    Optional<Parts> parts(Object value) {
        Optional<Double> number = number(value);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        double n = number.get();
        if (unit < 0) {
            // no number format: the value as the query gave it
            return Optional.of(new Parts(String.valueOf(value), ""));
        }
        return Optional.of(switch (unit) {
            case 1 -> new Parts(digits(n), "%");
            case 2 -> scaled(n, 1024, BYTES);
            case 23 -> duration(n / 1000);
            case 24 -> duration(n);
            default -> new Parts(digits(n), "");
        });
    }

    /** The number and its unit, as a cell shows them. */
    record Parts(String number, String unit) {
        String text() {
            return unit.isEmpty() ? number : unit.equals("%") ? number + unit : number + " " + unit;
        }
    }

    private Parts scaled(double n, double step, String[] units) {
        int at = 0;
        while (Math.abs(n) >= step && at < units.length - 1) {
            n /= step;
            at++;
        }
        return new Parts(digits(n), units[at]);
    }

    /** Seconds as the largest unit that keeps them at 1 or more. */
    private Parts duration(double seconds) {
        double size = Math.abs(seconds);
        if (size < 1) {
            return new Parts(digits(seconds * 1000), "ms");
        }
        if (size < 60) {
            return new Parts(digits(seconds), "s");
        }
        if (size < 3600) {
            return new Parts(digits(seconds / 60), "min");
        }
        if (size < 86_400) {
            return new Parts(digits(seconds / 3600), "h");
        }
        return new Parts(digits(seconds / 86_400), "d");
    }

    private String digits(double n) {
        if (maxSignificantDigits > 0 && Double.isFinite(n) && n != 0) {
            // as the browser's number format does: significant digits, when set, win over fraction digits
            BigDecimal rounded = new BigDecimal(n).round(new MathContext(maxSignificantDigits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            DecimalFormat format = new DecimalFormat(grouping ? "#,##0" : "0", DecimalFormatSymbols.getInstance(Locale.ROOT));
            format.setMaximumFractionDigits(Math.max(0, rounded.scale()));
            return format.format(rounded);
        }
        DecimalFormat format = new DecimalFormat(grouping ? "#,##0" : "0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMaximumFractionDigits(maxFractionDigits);
        format.setMinimumFractionDigits(minFractionDigits);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(n);
    }

    static Optional<Double> number(Object value) {
        if (value instanceof Number number) {
            return Optional.of(number.doubleValue());
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Optional.of(Double.parseDouble(text.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
