package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.soc.workbook.notebook.QueryItem;
import dev.vigil.workspace.api.ResultTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A query item's grid with the column formatters of its {@code gridSettings} that Sentinel's grids
 * use most: bar (4) and bar underneath (3) and heat map (8), scaled to the column's largest value;
 * hidden (5); spark bars (9) and spark lines (10, 21) drawn from a cell's array of numbers, as a
 * {@code make-series} gives them. Other formatters show the value as text.
 */
final class GridRendering {
    static final int MAX_ROWS = 250;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double WIDTH = 100;
    private static final double HEIGHT = 24;

    private enum Format {
        BAR("wb-bar"), BAR_UNDERNEATH("wb-under"), HEAT("wb-heat"), HIDDEN(""), SPARK_BARS(""), SPARK_LINE("");

        private final String cssClass;

        Format(String cssClass) {
            this.cssClass = cssClass;
        }

        static Optional<Format> of(int code) {
            return Optional.ofNullable(switch (code) {
                case 3 -> BAR_UNDERNEATH;
                case 4 -> BAR;
                case 5 -> HIDDEN;
                case 8 -> HEAT;
                case 9 -> SPARK_BARS;
                case 10, 21 -> SPARK_LINE;
                default -> null;
            });
        }

        boolean scaled() {
            return !cssClass.isEmpty();
        }
    }

    private GridRendering() {
    }

    static GridView grid(QueryItem item, ResultTable table) {
        List<String> names = table.columns().stream().map(ColumnSchema::name).toList();
        Map<Integer, Format> formats = new LinkedHashMap<>();
        for (JsonNode formatter : item.json().path("content").path("gridSettings").path("formatters")) {
            int column = names.indexOf(formatter.path("columnMatch").asText(""));
            Optional<Format> format = Format.of(formatter.path("formatter").asInt(0));
            if (column >= 0 && format.isPresent()) {
                formats.putIfAbsent(column, format.get());
            }
        }
        List<List<Object>> rows = table.rows().subList(0, Math.min(table.rows().size(), MAX_ROWS));
        Map<Integer, Double> maxima = new LinkedHashMap<>();
        formats.forEach((column, format) -> {
            if (format.scaled()) {
                maxima.put(column, rows.stream().map(row -> number(row.get(column))).max(Double::compare).orElse(0.0));
            }
        });
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (formats.get(i) != Format.HIDDEN) {
                shown.add(names.get(i));
            }
        }
        List<List<GridView.Cell>> cells = new ArrayList<>();
        for (List<Object> row : rows) {
            List<GridView.Cell> line = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                Format format = formats.get(i);
                if (format == Format.HIDDEN) {
                    continue;
                }
                line.add(cell(row.get(i), format, maxima.getOrDefault(i, 0.0)));
            }
            cells.add(line);
        }
        return new GridView(shown, cells, table.rows().size() > MAX_ROWS);
    }

    private static GridView.Cell cell(Object value, Format format, double max) {
        if (format == null) {
            return new GridView.Cell(text(value), "", Optional.empty());
        }
        if (format.scaled()) {
            int step = max <= 0 ? 0 : (int) Math.round(10 * number(value) / max);
            return new GridView.Cell(text(value), format.cssClass + " " + format.cssClass + "-" + Math.max(0, Math.min(10, step)), Optional.empty());
        }
        List<Double> numbers = numbers(value);
        if (numbers.isEmpty()) {
            return new GridView.Cell(text(value), "", Optional.empty());
        }
        return new GridView.Cell(text(value), "wb-spark-cell", Optional.of(spark(numbers, format == Format.SPARK_BARS)));
    }

    /** The numbers scaled into the box: the smallest at the bottom (or 0, if all are positive), the largest at the top. */
    private static GridView.Spark spark(List<Double> numbers, boolean bars) {
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
        return new GridView.Spark(bars, path.toString());
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

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : 0;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
