package dev.vigil.workspace.ingest;

/**
 * A stored value a {@link BodyRow} gets in place of what its body says, or in addition to it.
 *
 * @param from for a replaced value, where the sent value starts in the body
 * @param to for a replaced value, where the next field's name or the row's '}' starts: the span
 *        holds the sent value and the comma after it, if any
 * @param comma whether another field follows, so that the writer puts the comma back
 * @param column the value's column, by its position in the table
 * @param value the stored value ({@link RowValidator}'s forms); null for a JSON null
 */
public record ValueEdit(int from, int to, boolean comma, int column, Object value) {

    /** A value the row did not send. */
    static ValueEdit added(int column, Object value) {
        return new ValueEdit(-1, -1, false, column, value);
    }
}
