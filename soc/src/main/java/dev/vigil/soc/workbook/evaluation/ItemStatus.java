package dev.vigil.soc.workbook.evaluation;

import java.util.Locale;

/** How an item came out: drawn, hidden by its conditional visibility, of a kind Vigil does not draw, or failed. */
public enum ItemStatus {
    OK, HIDDEN, UNSUPPORTED, ERROR;

    /** As the API writes it: {@code ok}, {@code hidden}, {@code unsupported}, {@code error}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
