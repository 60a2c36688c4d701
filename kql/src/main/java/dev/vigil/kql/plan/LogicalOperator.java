package dev.vigil.kql.plan;

import dev.vigil.kql.bound.TabularValue;
import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/** A tabular operator of the logical plan. Each knows the columns it produces. */
public sealed interface LogicalOperator extends TabularValue permits TableScan, Filter, Project, Limit, Aggregate, Sort, TopN,
        Values, RangeSource, Join, Union, MvExpand, Parse, Materialize, Sample, MakeSeries, MvApply, ApplyRow, TopNested, Pivot, Scan,
        GraphMatch, GraphToTable, ShortestPaths {
    List<ColumnSchema> schema();

    /** Calls the method of {@code visitor} for this type. */
    <R> R accept(PlanVisitor<R> visitor);
}
