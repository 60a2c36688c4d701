package dev.vigil.kql.plan;

import dev.vigil.kql.IngestionRange;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every row of a table, or only the rows of some ingestion batches.
 *
 * @param ingestion when present, only rows committed in this range of batches
 * @param ingestionTime when present, the physical column holding each row's ingestion time, which
 *     the scan then also gives as {@link #INGESTION_TIME} after the table's columns, for
 *     {@code ingestion_time()}
 */
public record TableScan(TableSchema table, Optional<IngestionRange> ingestion, Optional<String> ingestionTime) implements LogicalOperator {
    /** The name the scan gives a row's ingestion time; no KQL column can be named so without brackets. */
    public static final String INGESTION_TIME = "$IngestionTime";

    public TableScan {
        Objects.requireNonNull(ingestion, "ingestion");
        Objects.requireNonNull(ingestionTime, "ingestionTime");
    }

    public TableScan(TableSchema table, Optional<IngestionRange> ingestion) {
        this(table, ingestion, Optional.empty());
    }

    public TableScan(TableSchema table) {
        this(table, Optional.empty());
    }

    @Override
    public List<ColumnSchema> schema() {
        if (ingestionTime.isEmpty()) {
            return table.columns();
        }
        List<ColumnSchema> columns = new ArrayList<>(table.columns());
        columns.add(new ColumnSchema(INGESTION_TIME, KqlType.DATETIME));
        return columns;
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
