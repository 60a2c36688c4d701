package dev.vigil.workspace.ingest;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A request's stored values, worked out only if asked for: a request whose body the writer hands
 * on ({@link BodyRows}) needs them only when its commit fails and the refused row is looked for,
 * or when the writer could not prepare the body.
 */
final class DeferredRows extends AbstractList<Object[]> {
    private final int size;
    private final Supplier<List<Object[]>> values;
    private List<Object[]> rows;

    DeferredRows(int size, Supplier<List<Object[]>> values) {
        this.size = size;
        this.values = values;
    }

    @Override
    public synchronized Object[] get(int index) {
        if (rows == null) {
            rows = List.copyOf(values.get());
            if (rows.size() != size) {
                throw new IllegalStateException("the request's body gave " + rows.size() + " rows where its streaming validation counted " + size);
            }
        }
        return rows.get(index);
    }

    @Override
    public int size() {
        return size;
    }
}
