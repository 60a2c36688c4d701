package dev.vigil.soc.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An alert details template such as {@code (MDIoT) {{AlertName}} on {{DeviceId}}}: text with result columns in double braces. */
public record DetailsFormat(String text) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    /** The columns the template names, in order of appearance. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            columns.add(matcher.group(1));
        }
        return columns;
    }

    /** The text with each placeholder replaced by its column's value ({@code ""} for a null value). */
    public String render(Function<String, Object> valueOfColumn) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = valueOfColumn.apply(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
