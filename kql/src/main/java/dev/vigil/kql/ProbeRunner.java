package dev.vigil.kql;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/**
 * Runs a {@link SchemaProbe} on the data the query will read and returns its rows as columns
 * ({@link SchemaProbe#column}), in the probe's order. Supplied by the store that runs queries.
 */
@FunctionalInterface
public interface ProbeRunner {
    List<ColumnSchema> run(SchemaProbe probe);
}
