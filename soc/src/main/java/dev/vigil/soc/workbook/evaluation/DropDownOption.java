package dev.vigil.soc.workbook.evaluation;

/** One choice of a drop-down parameter, from its {@code jsonData} or its query's rows. */
public record DropDownOption(String value, String label, boolean selected) {
}
