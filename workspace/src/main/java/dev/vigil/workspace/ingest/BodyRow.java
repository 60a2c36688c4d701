package dev.vigil.workspace.ingest;

import java.util.List;

/**
 * One row object of a {@link BodyRows} body: the bytes {@code [start, end)} from its '{' to its '}'
 * inclusive, the values validation replaced (in body order) and the values it adds (the columns
 * Log Analytics fills).
 *
 * @param hasFields whether the object sent any field, so that an added one goes after a comma
 */
public record BodyRow(int start, int end, boolean hasFields, List<ValueEdit> replaced, List<ValueEdit> added) {
    public BodyRow {
        replaced = List.copyOf(replaced);
        added = List.copyOf(added);
    }
}
