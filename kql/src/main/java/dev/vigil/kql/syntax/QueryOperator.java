package dev.vigil.kql.syntax;

/** A tabular operator after a pipe. One record per operator. */
public sealed interface QueryOperator
        permits WhereOperator, ProjectOperator, ExtendOperator, TakeOperator, CountOperator, SummarizeOperator,
        SortOperator, TopOperator,
        ProjectAwayOperator, ProjectKeepOperator, ProjectRenameOperator, ProjectReorderOperator, DistinctOperator, JoinOperator,
        LookupOperator, UnionOperator, MvExpandOperator, MvApplyOperator, ParseOperator, SerializeOperator, GetSchemaOperator,
        AsOperator, InvokeOperator, SampleOperator, SampleDistinctOperator, RenderOperator, EvaluateOperator, SearchOperator, MakeSeriesOperator, TopNestedOperator,
        ParseKvOperator, TopHittersOperator, PartitionOperator, ScanOperator, ConsumeOperator,
        ForkOperator, FacetOperator, MakeGraphOperator, GraphMatchOperator, GraphToTableOperator, GraphMergeOperator,
        GraphShortestPathsOperator, GraphMarkComponentsOperator {
    Span span();

    /** Calls the method of {@code visitor} for this type. */
    <R> R accept(QueryOperatorVisitor<R> visitor);
}
