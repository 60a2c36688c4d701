package dev.vigil.kql.functions;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Functions that give several columns, usable as {@code extend (a, b, ...) = f(...)}: such a
 * function returns a dynamic property bag, and these are its properties in column order, with the
 * type each column gets. None is declared yet; series functions such as {@code series_stats} are
 * expected to add themselves here.
 */
public final class TupleResults {
    private static final Map<String, List<ColumnSchema>> COLUMNS = Map.of();

    private TupleResults() {
    }

    /** The columns {@code function} gives, if it gives several. */
    public static Optional<List<ColumnSchema>> columns(String function) {
        return Optional.ofNullable(COLUMNS.get(function));
    }
}
