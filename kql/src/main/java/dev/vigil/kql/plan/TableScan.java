package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.TableSchema;
import java.util.List;

/** Every row of a table. */
public record TableScan(TableSchema table) implements LogicalOperator {
    @Override
    public List<ColumnSchema> schema() {
        return table.columns();
    }
}
