package dev.vigil.kql.binder;

import dev.vigil.kql.Visualization;
import dev.vigil.kql.plan.Limit;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.AsOperator;
import dev.vigil.kql.syntax.FacetOperator;
import dev.vigil.kql.syntax.ForkOperator;
import dev.vigil.kql.syntax.CountOperator;
import dev.vigil.kql.syntax.DistinctOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.ExtendOperator;
import dev.vigil.kql.syntax.GetSchemaOperator;
import dev.vigil.kql.syntax.GraphMatchOperator;
import dev.vigil.kql.syntax.GraphMarkComponentsOperator;
import dev.vigil.kql.syntax.GraphMergeOperator;
import dev.vigil.kql.syntax.GraphShortestPathsOperator;
import dev.vigil.kql.syntax.GraphToTableOperator;
import dev.vigil.kql.syntax.MakeGraphOperator;
import dev.vigil.kql.syntax.InvokeOperator;
import dev.vigil.kql.syntax.JoinOperator;
import dev.vigil.kql.syntax.LookupOperator;
import dev.vigil.kql.syntax.MakeSeriesOperator;
import dev.vigil.kql.syntax.MvApplyOperator;
import dev.vigil.kql.syntax.MvExpandOperator;
import dev.vigil.kql.syntax.ParseKvOperator;
import dev.vigil.kql.syntax.ParseOperator;
import dev.vigil.kql.syntax.PartitionOperator;
import dev.vigil.kql.syntax.ScanOperator;
import dev.vigil.kql.syntax.ProjectAwayOperator;
import dev.vigil.kql.syntax.ProjectKeepOperator;
import dev.vigil.kql.syntax.ProjectOperator;
import dev.vigil.kql.syntax.ProjectRenameOperator;
import dev.vigil.kql.syntax.ProjectReorderOperator;
import dev.vigil.kql.syntax.QueryOperatorVisitor;
import dev.vigil.kql.syntax.RenderOperator;
import dev.vigil.kql.syntax.SampleDistinctOperator;
import dev.vigil.kql.syntax.SampleOperator;
import dev.vigil.kql.syntax.SearchOperator;
import dev.vigil.kql.syntax.SerializeOperator;
import dev.vigil.kql.syntax.ConsumeOperator;
import dev.vigil.kql.syntax.SortOperator;
import dev.vigil.kql.syntax.SummarizeOperator;
import dev.vigil.kql.syntax.TakeOperator;
import dev.vigil.kql.syntax.TopHittersOperator;
import dev.vigil.kql.syntax.TopNestedOperator;
import dev.vigil.kql.syntax.TopOperator;
import dev.vigil.kql.syntax.UnionOperator;
import dev.vigil.kql.syntax.WhereOperator;
import java.util.Optional;

/** Binds one operator of a pipe over its input's plan: one line per operator, each operator's binding in its own class. */
final class OperatorBinding implements QueryOperatorVisitor<LogicalOperator> {
    private final LogicalOperator input;
    private final Environment environment;

    OperatorBinding(LogicalOperator input, Environment environment) {
        this.input = input;
        this.environment = environment;
    }

    @Override
    public LogicalOperator visit(WhereOperator where) {
        return IngestionTimeCall.bindOver(input, environment, in -> WhereBinder.bind(where, in, environment));
    }

    @Override
    public LogicalOperator visit(ProjectOperator project) {
        return IngestionTimeCall.bindOver(input, environment, in -> ProjectBinder.bind(project, in, environment));
    }

    @Override
    public LogicalOperator visit(ExtendOperator extend) {
        return IngestionTimeCall.bindOver(input, environment, in -> ExtendBinder.bind(extend, in, environment));
    }

    @Override
    public LogicalOperator visit(TakeOperator take) {
        return TakeBinder.bind(take, input, environment);
    }

    @Override
    public LogicalOperator visit(CountOperator count) {
        return CountBinder.bind(count, input);
    }

    @Override
    public LogicalOperator visit(SummarizeOperator summarize) {
        return IngestionTimeCall.bindOver(input, environment, in -> SummarizeBinder.bind(summarize, in, environment));
    }

    @Override
    public LogicalOperator visit(SortOperator sort) {
        return IngestionTimeCall.bindOver(input, environment, in -> SortBinder.bind(sort, in, environment));
    }

    @Override
    public LogicalOperator visit(TopOperator top) {
        return IngestionTimeCall.bindOver(input, environment, in -> TopBinder.bind(top, in, environment));
    }

    @Override
    public LogicalOperator visit(ProjectAwayOperator away) {
        return ProjectAwayBinder.bind(away, input);
    }

    @Override
    public LogicalOperator visit(ProjectKeepOperator keep) {
        return ProjectKeepBinder.bind(keep, input);
    }

    @Override
    public LogicalOperator visit(ProjectRenameOperator rename) {
        return ProjectRenameBinder.bind(rename, input);
    }

    @Override
    public LogicalOperator visit(ProjectReorderOperator reorder) {
        return ProjectReorderBinder.bind(reorder, input);
    }

    @Override
    public LogicalOperator visit(DistinctOperator distinct) {
        return DistinctBinder.bind(distinct, input, environment);
    }

    @Override
    public LogicalOperator visit(JoinOperator join) {
        return JoinBinder.bind(join, input, environment);
    }

    @Override
    public LogicalOperator visit(LookupOperator lookup) {
        return LookupBinder.bind(lookup, input, environment);
    }

    @Override
    public LogicalOperator visit(UnionOperator union) {
        return UnionBinder.bind(union, Optional.of(input), environment);
    }

    @Override
    public LogicalOperator visit(MvExpandOperator mvExpand) {
        return MvExpandBinder.bind(mvExpand, input, environment);
    }

    @Override
    public LogicalOperator visit(MvApplyOperator mvApply) {
        return MvApplyBinder.bind(mvApply, input, environment);
    }

    @Override
    public LogicalOperator visit(ParseOperator parse) {
        return ParseBinder.bind(parse, input, environment);
    }

    @Override
    public LogicalOperator visit(SerializeOperator serialize) {
        return SerializeBinder.bind(serialize, input, environment);
    }

    @Override
    public LogicalOperator visit(GetSchemaOperator getSchema) {
        return GetSchemaBinder.bind(input);
    }

    @Override
    public LogicalOperator visit(AsOperator as) {
        environment.define(as.name().name(), new Symbol.Tabular(input));
        return input;
    }

    @Override
    public LogicalOperator visit(InvokeOperator invoke) {
        return InvokeBinder.bind(invoke, input, environment);
    }

    @Override
    public LogicalOperator visit(SampleOperator sample) {
        return SampleBinder.bind(sample, input, environment);
    }

    @Override
    public LogicalOperator visit(SampleDistinctOperator sampleDistinct) {
        return SampleBinder.bindDistinct(sampleDistinct, input, environment);
    }

    @Override
    public LogicalOperator visit(RenderOperator render) {
        environment.context().render(new Visualization(render.chart().name(), render.properties()));
        return input;
    }

    @Override
    public LogicalOperator visit(EvaluateOperator evaluate) {
        return EvaluateBinder.bind(evaluate, input, environment);
    }

    @Override
    public LogicalOperator visit(SearchOperator search) {
        return SearchBinder.bind(search, Optional.of(input), environment);
    }

    @Override
    public LogicalOperator visit(MakeSeriesOperator makeSeries) {
        return MakeSeriesBinder.bind(makeSeries, input, environment);
    }

    @Override
    public LogicalOperator visit(TopNestedOperator topNested) {
        return TopNestedBinder.bind(topNested, input, environment);
    }

    @Override
    public LogicalOperator visit(ParseKvOperator parseKv) {
        return ParseKvBinder.bind(parseKv, input, environment);
    }

    @Override
    public LogicalOperator visit(TopHittersOperator topHitters) {
        return TopHittersBinder.bind(topHitters, input, environment);
    }

    @Override
    public LogicalOperator visit(PartitionOperator partition) {
        return PartitionBinder.bind(partition, input, environment);
    }

    @Override
    public LogicalOperator visit(ScanOperator scan) {
        return ScanBinder.bind(scan, input, environment);
    }

    @Override
    public LogicalOperator visit(ConsumeOperator consume) {
        // the input's columns with none of its rows: Vigil's queries have no side effect that reading them would cause
        return new Limit(input, 0);
    }

    @Override
    public LogicalOperator visit(ForkOperator fork) {
        // StatementBinding binds fork where it may be, at the end of a tabular statement
        throw new DiagnosticException(DiagnosticFacts.severalResults("fork"), fork.span());
    }

    @Override
    public LogicalOperator visit(FacetOperator facet) {
        throw new DiagnosticException(DiagnosticFacts.severalResults("facet"), facet.span());
    }

    @Override
    public LogicalOperator visit(MakeGraphOperator makeGraph) {
        // the pipe binds make-graph itself (TabularBinder), as its value is a graph; here it has nothing to follow it
        throw new DiagnosticException(DiagnosticFacts.graphNotFollowed(), makeGraph.span());
    }

    @Override
    public LogicalOperator visit(GraphMatchOperator graphMatch) {
        throw new DiagnosticException(DiagnosticFacts.graphExpected("graph-match"), graphMatch.span());
    }

    @Override
    public LogicalOperator visit(GraphToTableOperator graphToTable) {
        throw new DiagnosticException(DiagnosticFacts.graphExpected("graph-to-table"), graphToTable.span());
    }

    @Override
    public LogicalOperator visit(GraphShortestPathsOperator shortestPaths) {
        throw new DiagnosticException(DiagnosticFacts.graphExpected("graph-shortest-paths"), shortestPaths.span());
    }

    @Override
    public LogicalOperator visit(GraphMarkComponentsOperator markComponents) {
        throw new DiagnosticException(DiagnosticFacts.graphExpected("graph-mark-components"), markComponents.span());
    }

    @Override
    public LogicalOperator visit(GraphMergeOperator graphMerge) {
        throw new DiagnosticException(DiagnosticFacts.graphExpected("graph-merge"), graphMerge.span());
    }
}
