package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One entry of a grid's {@code gridSettings.formatters}: the columns it applies to
 * ({@code columnMatch}, a name or a regular expression of names, as Sentinel takes it), Sentinel's
 * formatter number and its options.
 */
record ColumnFormatter(String columnMatch, Optional<Pattern> pattern, int type, JsonNode json) {
    static final int AUTOMATIC = 0;
    static final int TEXT = 1;
    static final int RIGHT_ALIGNED = 2;
    static final int BAR_UNDERNEATH = 3;
    static final int BAR = 4;
    static final int HIDDEN = 5;
    static final int DATE_TIME = 6;
    static final int LINK = 7;
    static final int HEAT_MAP = 8;
    static final int SPARK_BARS = 9;
    static final int SPARK_LINE = 10;
    static final int ICON = 11;
    static final int THRESHOLDS = 18;
    static final int SPARK_AREA = 21;

    /** The formatters Vigil draws, in the order the editor offers them. */
    static final List<Integer> DRAWN = List.of(AUTOMATIC, TEXT, RIGHT_ALIGNED, BAR, BAR_UNDERNEATH, HEAT_MAP, THRESHOLDS, ICON, LINK, DATE_TIME,
            SPARK_BARS, SPARK_LINE, SPARK_AREA, HIDDEN);

    static ColumnFormatter of(JsonNode formatter) {
        String match = formatter.path("columnMatch").asText("");
        Optional<Pattern> pattern;
        try {
            pattern = Optional.of(Pattern.compile(match));
        } catch (PatternSyntaxException e) {
            pattern = Optional.empty();
        }
        return new ColumnFormatter(match, pattern, formatter.path("formatter").asInt(AUTOMATIC), formatter);
    }

    /** Whether it formats the column: by its name, or as a regular expression that matches the whole name. */
    boolean matches(String column) {
        return !columnMatch.isEmpty() && (columnMatch.equals(column) || pattern.map(p -> p.matcher(column).matches()).orElse(false));
    }

    static String label(int type) {
        return switch (type) {
            case AUTOMATIC -> "Automatic";
            case TEXT -> "Text";
            case RIGHT_ALIGNED -> "Right aligned";
            case BAR_UNDERNEATH -> "Bar underneath";
            case BAR -> "Bar";
            case HIDDEN -> "Hidden";
            case DATE_TIME -> "Date/time";
            case LINK -> "Link";
            case HEAT_MAP -> "Heat map";
            case SPARK_BARS -> "Spark bars";
            case SPARK_LINE -> "Spark line";
            case ICON -> "Icon";
            case THRESHOLDS -> "Thresholds";
            case SPARK_AREA -> "Spark area";
            default -> "Formatter " + type + " (kept; shown as text)";
        };
    }

    boolean scaled() {
        return type == BAR || type == BAR_UNDERNEATH || type == HEAT_MAP;
    }

    boolean spark() {
        return type == SPARK_BARS || type == SPARK_LINE || type == SPARK_AREA;
    }

    JsonNode options() {
        return json.path("formatOptions");
    }

    String palette() {
        return options().path("palette").asText("");
    }

    Optional<Double> min() {
        return NumberText.number(options().path("min").isValueNode() ? options().path("min").asText() : null);
    }

    Optional<Double> max() {
        return NumberText.number(options().path("max").isValueNode() ? options().path("max").asText() : null);
    }

    NumberText numberText() {
        return NumberText.of(json);
    }

    /** Whether a cell opens its value as an address: the link formatter, or any other with {@code linkTarget} {@code Url}. */
    boolean linksToUrl() {
        return options().path("linkTarget").asText("").toLowerCase(Locale.ROOT).equals("url");
    }

    String linkLabel() {
        return options().path("linkLabel").asText("");
    }

    /** Whether thresholds show as colours ({@code colors}) rather than icons. */
    boolean colorThresholds() {
        return options().path("thresholdsOptions").asText("icons").equals("colors");
    }

    String dateFormat() {
        return json.path("dateFormat").path("formatName").asText("");
    }
}
