package dev.vigil.workspace.api;

/**
 * Why one row of an ingestion request was refused.
 *
 * @param row zero-based index of the row in the request
 * @param column the column at fault, or null when the row as a whole is wrong (e.g. not an object)
 */
public record RowError(int row, String column, String reason) {
}
