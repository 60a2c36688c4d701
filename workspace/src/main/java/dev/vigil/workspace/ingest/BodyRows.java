package dev.vigil.workspace.ingest;

import java.util.List;

/**
 * A request's rows as they stand in its own body, with what validation changes in each: the
 * writer hands the body's bytes on and writes only the changed and added values, instead of
 * decoding every row into values and writing all of them out again.
 *
 * @param body the request's JSON text, UTF-8
 * @param rows each row object's place in the body, in order
 */
public record BodyRows(byte[] body, List<BodyRow> rows) {
    public BodyRows {
        rows = List.copyOf(rows);
    }
}
