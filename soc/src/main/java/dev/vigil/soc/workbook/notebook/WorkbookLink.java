package dev.vigil.soc.workbook.notebook;

/**
 * One link of a links item.
 *
 * @param target {@code linkTarget}: {@code parameter} (sets {@code cellValue} to {@code subTarget}), {@code url}, ...
 * @param cellValue the parameter it sets, or the address it opens
 * @param subTarget the value it sets the parameter to
 */
public record WorkbookLink(String id, String label, String target, String cellValue, String subTarget) {
    public boolean setsParameter() {
        return target.equals("parameter") && !cellValue.isEmpty();
    }
}
