package dev.vigil.workspace.api;

/** What one ingested value may hold; a row with a larger value is refused, naming its row and column. */
public final class IngestionLimits {
    /**
     * Characters (UTF-16 code units, as JSON and Java count them) in one string value, and in the
     * JSON text of one dynamic value: 1,048,576. Far above what a log field holds, and small
     * enough that a row stays cheap to parse, spool and return from a query.
     */
    public static final int MAX_TEXT_CHARS = 1 << 20;

    private IngestionLimits() {
    }
}
