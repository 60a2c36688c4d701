package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/** A tabular operator of the logical plan. Each knows the columns it produces. */
public sealed interface LogicalOperator permits TableScan, Filter, Project, Limit, Aggregate, Sort, TopN {
    List<ColumnSchema> schema();
}
