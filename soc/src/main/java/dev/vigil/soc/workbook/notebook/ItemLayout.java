package dev.vigil.soc.workbook.notebook;

import java.util.OptionalInt;

/**
 * Where an item sits: its {@code customWidth} (percent of the row; items side by side share a row)
 * and, for queries, its {@code size} (0 medium, 1 small, 2 large, 3 full, 4 tiny).
 */
public record ItemLayout(OptionalInt widthPercent, int size) {
    public static final ItemLayout FULL = new ItemLayout(OptionalInt.empty(), 0);
}
