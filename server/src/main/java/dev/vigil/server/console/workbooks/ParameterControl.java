package dev.vigil.server.console.workbooks;

import java.util.List;

/**
 * One parameter as the workbook page's form shows it.
 *
 * @param kind {@code time}, {@code dropdown} or {@code text}
 * @param options a drop-down's or time range's choices
 */
public record ParameterControl(String name, String label, String kind, boolean multiple, List<Option> options, String text) {
    public record Option(String value, String label, boolean selected) {
    }
}
