package dev.vigil.workspace.ingest;

import dev.vigil.workspace.api.RowError;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Finds where the engine refuses a request whose rows passed validation: the refused row, by
 * halving the rows in trials that are rolled back, then its column, by trying the row's values
 * one at a time. Only a request whose commit failed on its own while storage took writes is
 * searched, so the trials run rarely; they cost about twice the request's rows, plus a trial per
 * value of the refused row.
 */
final class RefusedRowSearch {
    private final BatchWriter writer;
    private final IngestTarget target;

    private RefusedRowSearch(BatchWriter writer, IngestTarget target) {
        this.writer = writer;
        this.target = target;
    }

    /**
     * The refused row and, when one value alone is refused, its column; empty when the engine takes
     * every row, so the failed commit was not the rows' fault.
     *
     * @throws Exception if a trial could not be made (storage failed meanwhile)
     */
    static Optional<RowError> locate(BatchWriter writer, PendingRows request) throws Exception {
        return new RefusedRowSearch(writer, request.target()).locate(request.rows());
    }

    private Optional<RowError> locate(List<Object[]> rows) throws Exception {
        Optional<RowsRefusedException> refusal = refusal(rows);
        if (refusal.isEmpty()) {
            return Optional.empty();
        }
        // rows [low, high) hold a refused row
        int low = 0;
        int high = rows.size();
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            Optional<RowsRefusedException> first = refusal(rows.subList(low, middle));
            if (first.isPresent()) {
                high = middle;
                refusal = first;
            } else {
                low = middle;
            }
        }
        Object[] row = rows.get(low);
        Optional<RowsRefusedException> alone = refusal(Collections.singletonList(row));
        if (alone.isEmpty()) {
            // refused only together with other rows: the row where the search ended, with their reason
            return Optional.of(new RowError(low, null, reason(refusal.get())));
        }
        for (int column = 0; column < row.length; column++) {
            if (row[column] == null) {
                continue;
            }
            Object[] single = new Object[row.length];
            single[column] = row[column];
            Optional<RowsRefusedException> value = refusal(Collections.singletonList(single));
            if (value.isPresent()) {
                return Optional.of(new RowError(low, target.table().columns().get(column).name(), reason(value.get())));
            }
        }
        return Optional.of(new RowError(low, null, reason(alone.get())));
    }

    private Optional<RowsRefusedException> refusal(List<Object[]> rows) throws Exception {
        try {
            writer.trial(target, rows);
            return Optional.empty();
        } catch (RowsRefusedException e) {
            return Optional.of(e);
        }
    }

    private static String reason(RowsRefusedException refusal) {
        return "the storage engine refused the value although it passed validation: " + refusal.getMessage();
    }
}
