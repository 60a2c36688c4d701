package dev.vigil.kql.syntax;

/**
 * One method per tabular operator after a pipe, with no defaults: a new operator that a stage does not
 * handle fails to compile.
 */
public interface QueryOperatorVisitor<R> {
    R visit(WhereOperator whereOperator);

    R visit(ProjectOperator projectOperator);

    R visit(ExtendOperator extendOperator);

    R visit(TakeOperator takeOperator);

    R visit(CountOperator countOperator);

    R visit(SummarizeOperator summarizeOperator);

    R visit(SortOperator sortOperator);

    R visit(TopOperator topOperator);

    R visit(ProjectAwayOperator projectAwayOperator);

    R visit(ProjectKeepOperator projectKeepOperator);

    R visit(ProjectRenameOperator projectRenameOperator);

    R visit(ProjectReorderOperator projectReorderOperator);

    R visit(DistinctOperator distinctOperator);

    R visit(JoinOperator joinOperator);

    R visit(LookupOperator lookupOperator);

    R visit(UnionOperator unionOperator);

    R visit(MvExpandOperator mvExpandOperator);

    R visit(MvApplyOperator mvApplyOperator);

    R visit(ParseOperator parseOperator);

    R visit(SerializeOperator serializeOperator);

    R visit(GetSchemaOperator getSchemaOperator);

    R visit(AsOperator asOperator);

    R visit(InvokeOperator invokeOperator);

    R visit(SampleOperator sampleOperator);

    R visit(SampleDistinctOperator sampleDistinctOperator);

    R visit(RenderOperator renderOperator);

    R visit(EvaluateOperator evaluateOperator);

    R visit(SearchOperator searchOperator);

    R visit(MakeSeriesOperator makeSeriesOperator);

    R visit(TopNestedOperator topNestedOperator);

    R visit(ParseKvOperator parseKvOperator);

    R visit(TopHittersOperator topHittersOperator);

    R visit(PartitionOperator partitionOperator);

    R visit(ScanOperator scanOperator);

    R visit(ConsumeOperator consumeOperator);

    R visit(ForkOperator forkOperator);

    R visit(FacetOperator facetOperator);

    R visit(MakeGraphOperator makeGraphOperator);

    R visit(GraphMatchOperator graphMatchOperator);

    R visit(GraphToTableOperator graphToTableOperator);

    R visit(GraphMergeOperator graphMergeOperator);

    R visit(GraphShortestPathsOperator graphShortestPathsOperator);

    R visit(GraphMarkComponentsOperator graphMarkComponentsOperator);
}
