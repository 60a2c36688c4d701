package dev.vigil.kql.plan;

import dev.vigil.kql.IngestionRange;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.TableSchema;
import java.util.List;
import java.util.Optional;

/**
 * Every row of a table, or only the rows of some ingestion batches.
 *
 * @param ingestion when present, only rows committed in this range of batches
 */
public record TableScan(TableSchema table, Optional<IngestionRange> ingestion) implements LogicalOperator {
    public TableScan(TableSchema table) {
        this(table, Optional.empty());
    }

    @Override
    public List<ColumnSchema> schema() {
        return table.columns();
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
