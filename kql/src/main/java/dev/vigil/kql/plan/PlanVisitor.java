package dev.vigil.kql.plan;

/**
 * One method per operator of the logical plan, with no defaults: a new operator that the SQL generator, the plan
 * printer or another stage does not handle fails to compile.
 */
public interface PlanVisitor<R> {
    R visit(TableScan tableScan);

    R visit(Filter filter);

    R visit(Project project);

    R visit(Limit limit);

    R visit(Aggregate aggregate);

    R visit(Sort sort);

    R visit(TopN topN);

    R visit(Values values);

    R visit(RangeSource rangeSource);

    R visit(Join join);

    R visit(Union union);

    R visit(MvExpand mvExpand);

    R visit(Parse parse);

    R visit(Materialize materialize);

    R visit(Sample sample);

    R visit(MakeSeries makeSeries);

    R visit(MvApply mvApply);

    R visit(ApplyRow applyRow);

    R visit(TopNested topNested);

    R visit(Pivot pivot);

    R visit(Scan scan);

    R visit(GraphMatch graphMatch);

    R visit(GraphToTable graphToTable);

    R visit(ShortestPaths shortestPaths);
}
