package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.soc.workbook.notebook.QueryItem;
import dev.vigil.workspace.api.ResultTable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A query item's grid with the column formatters of its {@code gridSettings}, as Sentinel draws
 * them: automatic (0) and text (1) with their number format and unit, right aligned (2), bar (4),
 * bar underneath (3) and heat map (8) scaled between the formatter's {@code min} and {@code max} (or
 * its columns' smallest and largest values, so that columns matched by one formatter share a scale)
 * in its palette, hidden (5), date/time (6) in UTC, link (7) and any formatter's {@code linkTarget}
 * {@code Url} as a link to an http(s) address, icon (11), thresholds (18) with their operators, icons
 * or colours and text, spark bars (9), lines (10) and areas (21) drawn from a cell's array of
 * numbers, as a {@code make-series} gives them. A column matches the first formatter whose
 * {@code columnMatch} is its name or a regular expression of it. Another formatter shows the value
 * as text, with a notice.
 */
final class GridRendering {
    static final int MAX_ROWS = 250;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double WIDTH = 100;
    private static final double HEIGHT = 24;
    private static final Map<String, DateTimeFormatter> DATE_FORMATS = Map.of(
            "shortDateTimePattern", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT),
            "longDateTimePattern", DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH),
            "fullDateTimePattern", DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH),
            "shortDatePattern", DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT),
            "longDatePattern", DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH),
            "shortTimePattern", DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT),
            "longTimePattern", DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT));
    /** The date formats the editor offers, with the default (no {@code formatName}) first. */
    static final List<String> DATE_FORMAT_NAMES = List.of("shortDateTimePattern", "longDateTimePattern", "shortDatePattern", "longDatePattern",
            "shortTimePattern", "longTimePattern");
    private static final DateTimeFormatter DEFAULT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);

    private GridRendering() {
    }

    static GridView grid(QueryItem item, ResultTable table) {
        List<String> names = table.columns().stream().map(ColumnSchema::name).toList();
        List<ColumnFormatter> formatters = new ArrayList<>();
        item.json().path("content").path("gridSettings").path("formatters").forEach(json -> formatters.add(ColumnFormatter.of(json)));
        Map<Integer, ColumnFormatter> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            for (ColumnFormatter formatter : formatters) {
                if (formatter.matches(names.get(i))) {
                    byColumn.put(i, formatter);
                    break;
                }
            }
        }
        List<List<Object>> rows = table.rows().subList(0, Math.min(table.rows().size(), MAX_ROWS));
        Map<ColumnFormatter, Scale> scales = scales(byColumn, rows);
        // each thresholds formatter's rules read once, not once a cell
        Map<Integer, List<ThresholdRule>> thresholds = new HashMap<>();
        byColumn.forEach((column, formatter) -> {
            if (formatter.type() == ColumnFormatter.THRESHOLDS) {
                thresholds.put(column, ThresholdRule.of(formatter.options().path("thresholdsGrid")));
            }
        });
        Set<String> notices = new LinkedHashSet<>();
        byColumn.forEach((column, formatter) -> {
            if (!ColumnFormatter.DRAWN.contains(formatter.type()) && formatter.type() != 12) {
                notices.add("Column " + names.get(column) + ": formatter " + formatter.type() + " is not drawn by Vigil; the value is shown as text.");
            }
        });
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!hidden(byColumn.get(i))) {
                shown.add(names.get(i));
            }
        }
        List<List<GridView.Cell>> cells = new ArrayList<>();
        for (List<Object> row : rows) {
            List<GridView.Cell> line = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                ColumnFormatter formatter = byColumn.get(i);
                if (!hidden(formatter)) {
                    line.add(formatter == null ? GridView.Cell.text(text(row.get(i)), "") : cell(row.get(i), formatter, scales.get(formatter),
                            thresholds.getOrDefault(i, List.of())));
                }
            }
            cells.add(line);
        }
        return new GridView(shown, cells, table.rows().size() > MAX_ROWS, List.copyOf(notices));
    }

    private static boolean hidden(ColumnFormatter formatter) {
        return formatter != null && formatter.type() == ColumnFormatter.HIDDEN;
    }

    /** The range each scaled formatter draws in: its options' min and max, else the smallest (or 0) and largest of all its columns. */
    private static Map<ColumnFormatter, Scale> scales(Map<Integer, ColumnFormatter> byColumn, List<List<Object>> rows) {
        Map<ColumnFormatter, Scale> scales = new LinkedHashMap<>();
        byColumn.forEach((column, formatter) -> {
            if (!formatter.scaled()) {
                return;
            }
            Scale seen = scales.getOrDefault(formatter, new Scale(0, Double.NEGATIVE_INFINITY));
            for (List<Object> row : rows) {
                Optional<Double> value = NumberText.number(row.get(column));
                if (value.isPresent()) {
                    seen = new Scale(Math.min(seen.low(), value.get()), Math.max(seen.high(), value.get()));
                }
            }
            scales.put(formatter, seen);
        });
        scales.replaceAll((formatter, seen) -> new Scale(formatter.min().orElse(seen.low()), formatter.max().orElse(seen.high())));
        return scales;
    }

    private record Scale(double low, double high) {
        /** The value's place between low and high, in tenths: 0 to 10. */
        int step(double value) {
            if (!(high > low)) {
                return value >= high && high > Double.NEGATIVE_INFINITY && value > 0 ? 10 : 0;
            }
            return (int) Math.max(0, Math.min(10, Math.round(10 * (value - low) / (high - low))));
        }
    }

    private static GridView.Cell cell(Object value, ColumnFormatter formatter, Scale scale, List<ThresholdRule> thresholds) {
        if (formatter.spark()) {
            return spark(value, formatter);
        }
        NumberText numbers = formatter.numberText();
        NumberText.Parts parts = numbers.parts(value).orElse(new NumberText.Parts(text(value), ""));
        String shown = parts.text();
        String css = formatter.type() == ColumnFormatter.RIGHT_ALIGNED ? "wb-right" : "";
        Optional<GridView.Icon> icon = Optional.empty();
        if (formatter.scaled()) {
            String kind = switch (formatter.type()) {
                case ColumnFormatter.BAR -> "wb-bar";
                case ColumnFormatter.BAR_UNDERNEATH -> "wb-under";
                default -> "wb-heat";
            };
            int step = NumberText.number(value).map(scale::step).orElse(0);
            css = kind + " " + kind + "-" + step + Palette.cssClass(formatter.palette()).map(palette -> " " + palette).orElse("");
        } else if (formatter.type() == ColumnFormatter.DATE_TIME) {
            shown = date(value, formatter.dateFormat());
        } else if (formatter.type() == ColumnFormatter.ICON) {
            icon = CellIcon.cssClass(text(value)).map(icon1 -> new GridView.Icon(icon1, text(value)));
        } else if (formatter.type() == ColumnFormatter.THRESHOLDS) {
            Optional<ThresholdRule> rule = ThresholdRule.first(thresholds, value);
            if (rule.isPresent()) {
                shown = rule.get().show(parts);
                if (formatter.colorThresholds()) {
                    css = Palette.colorClass(rule.get().representation()).orElse("");
                } else {
                    icon = CellIcon.cssClass(rule.get().representation()).map(icon1 -> new GridView.Icon(icon1, rule.get().representation()));
                }
            }
        }
        Optional<String> href = Optional.empty();
        if (formatter.linksToUrl() && text(value).matches("(?i)https?://\\S+")) {
            href = Optional.of(text(value));
            if (!formatter.linkLabel().isEmpty()) {
                shown = formatter.linkLabel();
            }
        }
        return new GridView.Cell(shown, css, Optional.empty(), icon, href);
    }

    /** A datetime value ({@code 2026-12-08T01:05:00Z}) in the format named, in UTC; any other value as it is. */
    static String date(Object value, String formatName) {
        try {
            OffsetDateTime time = OffsetDateTime.parse(text(value)).withOffsetSameInstant(ZoneOffset.UTC);
            return DATE_FORMATS.getOrDefault(formatName, DEFAULT_DATE).format(time);
        } catch (DateTimeParseException e) {
            return text(value);
        }
    }

    private static GridView.Cell spark(Object value, ColumnFormatter formatter) {
        List<Double> numbers = numbers(value);
        if (numbers.isEmpty()) {
            return GridView.Cell.text(text(value), "");
        }
        String kind = switch (formatter.type()) {
            case ColumnFormatter.SPARK_BARS -> "bars";
            case ColumnFormatter.SPARK_AREA -> "area";
            default -> "line";
        };
        return new GridView.Cell(text(value), "wb-spark-cell", Optional.of(new GridView.Spark(kind, path(numbers, kind.equals("bars")),
                Palette.cssClass(formatter.palette()).orElse(""))), Optional.empty(), Optional.empty());
    }

    /** The numbers scaled into the box: the smallest at the bottom (or 0, if all are positive), the largest at the top. */
    private static String path(List<Double> numbers, boolean bars) {
        double low = Math.min(0, numbers.stream().min(Double::compare).orElse(0.0));
        double high = numbers.stream().max(Double::compare).orElse(0.0);
        double range = high - low == 0 ? 1 : high - low;
        double step = numbers.size() > 1 ? WIDTH / (numbers.size() - 1) : 0;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            double x = bars ? (i + 0.5) * WIDTH / numbers.size() : i * step;
            double y = HEIGHT - (numbers.get(i) - low) / range * HEIGHT;
            if (bars) {
                path.append(String.format(Locale.ROOT, "M%.1f %.1fV%.1f", x, HEIGHT, y));
            } else {
                path.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            }
        }
        return path.toString();
    }

    /** A cell's numbers: a dynamic array (as its JSON text, or a list), numbers only; anything else has none. */
    private static List<Double> numbers(Object value) {
        JsonNode array;
        try {
            array = value instanceof String text && text.strip().startsWith("[") ? JSON.readTree(text) : JSON.valueToTree(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return List.of();
        }
        List<Double> numbers = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(entry -> {
                if (entry.isNumber()) {
                    numbers.add(entry.asDouble());
                }
            });
        }
        return numbers;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
