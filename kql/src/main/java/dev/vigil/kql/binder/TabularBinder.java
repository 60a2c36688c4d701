package dev.vigil.kql.binder;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.Materialize;
import dev.vigil.kql.syntax.DatatableExpression;
import dev.vigil.kql.syntax.ExternalDataExpression;
import dev.vigil.kql.syntax.FindExpression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.MakeGraphOperator;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.MvApplyOperator;
import dev.vigil.kql.syntax.PipeExpression;
import dev.vigil.kql.syntax.PrintExpression;
import dev.vigil.kql.syntax.QueryOperator;
import dev.vigil.kql.syntax.RangeExpression;
import dev.vigil.kql.syntax.SampleOperator;
import dev.vigil.kql.syntax.SortOperator;
import dev.vigil.kql.syntax.TakeOperator;
import dev.vigil.kql.syntax.TopOperator;
import dev.vigil.kql.syntax.WhereOperator;
import dev.vigil.kql.syntax.SearchExpression;
import dev.vigil.kql.syntax.TableReference;
import dev.vigil.kql.syntax.TabularExpression;
import dev.vigil.kql.syntax.TabularExpressionVisitor;
import dev.vigil.kql.syntax.TabularFunctionCall;
import dev.vigil.kql.syntax.UnionExpression;
import java.util.List;
import java.util.Optional;

/** Binds tabular expressions: names of tables and {@code let}s, tabular calls, pipes, and the source operators. */
final class TabularBinder {
    private TabularBinder() {
    }

    /** A subquery written over given rows (of {@code mv-apply}, {@code partition}, {@code fork}, {@code facet}): its operators read {@code rows}. */
    static LogicalOperator bindOverRows(TabularExpression subquery, LogicalOperator rows, Environment environment) {
        Environment scope = environment.child();
        scope.define(MvApplyOperator.ROWS, new Symbol.Tabular(rows));
        return bind(subquery, scope);
    }

    static LogicalOperator bind(TabularExpression tabular, Environment environment) {
        return tabular.accept(new TabularExpressionVisitor<LogicalOperator>() {
            @Override
            public LogicalOperator visit(PipeExpression pipe) {
                return TabularBinder.pipe(pipe, environment);
            }

            @Override
            public LogicalOperator visit(TableReference reference) {
                return TabularBinder.reference(reference, environment);
            }

            @Override
            public LogicalOperator visit(TabularFunctionCall call) {
                return TabularBinder.call(call.call(), environment);
            }

            @Override
            public LogicalOperator visit(DatatableExpression datatable) {
                return DatatableBinder.bind(datatable, environment);
            }

            @Override
            public LogicalOperator visit(ExternalDataExpression external) {
                return ExternalDataBinder.bind(external, environment);
            }

            @Override
            public LogicalOperator visit(PrintExpression print) {
                return PrintBinder.bind(print, environment);
            }

            @Override
            public LogicalOperator visit(RangeExpression range) {
                return RangeBinder.bind(range, environment);
            }

            @Override
            public LogicalOperator visit(UnionExpression union) {
                return UnionBinder.bind(union.union(), Optional.empty(), environment);
            }

            @Override
            public LogicalOperator visit(SearchExpression search) {
                return SearchBinder.bind(search.search(), Optional.empty(), environment);
            }

            @Override
            public LogicalOperator visit(FindExpression find) {
                return FindBinder.bind(find, environment);
            }
        });
    }

    /** A pipe that must give a table: one ending in a graph is an error at its last operator. */
    private static LogicalOperator pipe(PipeExpression pipe, Environment environment) {
        PipeValue value = pipeValue(pipe, environment);
        if (value.graph().isPresent()) {
            Span at = pipe.operators().isEmpty() ? pipe.span() : pipe.operators().get(pipe.operators().size() - 1).span();
            throw new DiagnosticException(DiagnosticFacts.graphNotFollowed(), at);
        }
        return value.table().get();
    }

    /**
     * The value of a tabular expression that may be a graph: a pipe ending in {@code make-graph} or {@code graph-merge},
     * or the name of a graph.
     */
    static PipeValue value(TabularExpression tabular, Environment environment) {
        if (tabular instanceof PipeExpression pipe) {
            return pipeValue(pipe, environment);
        }
        if (tabular instanceof TableReference reference
                && environment.lookup(reference.name()).orElse(null) instanceof Symbol.Graph graph) {
            return PipeValue.of(graph.graph());
        }
        return PipeValue.of(bind(tabular, environment));
    }

    /** A source and its operators; after an error in an operator that keeps its input's columns, the rest is still checked. */
    private static PipeValue pipeValue(PipeExpression pipe, Environment environment) {
        PipeValue current = value(pipe.source(), environment);
        for (QueryOperator operator : pipe.operators()) {
            if (current.graph().isPresent()) {
                current = GraphBinder.afterGraph(operator, current.graph().get(), environment);
                continue;
            }
            if (operator instanceof MakeGraphOperator makeGraph) {
                current = GraphBinder.makeGraph(makeGraph, current.table().get(), environment);
                continue;
            }
            try {
                current = PipeValue.of(Binder.bindOperator(operator, current.table().get(), environment));
            } catch (DiagnosticException e) {
                if (!environment.isQueryText() || !keepsColumns(operator)) {
                    throw e;
                }
                // the operator's output has its input's columns, so the rest of the pipe can still be checked
                environment.context().defer(e);
            }
        }
        return current;
    }

    /** Operators whose output columns are their input's, whatever their arguments. */
    private static boolean keepsColumns(QueryOperator operator) {
        return operator instanceof WhereOperator || operator instanceof SortOperator || operator instanceof TakeOperator
                || operator instanceof TopOperator || operator instanceof SampleOperator;
    }

    /** A name where a table is expected: a {@code let} name, a table, or a stored function without arguments. */
    static LogicalOperator reference(TableReference reference, Environment environment) {
        Optional<Symbol> symbol = environment.lookup(reference.name());
        if (symbol.isPresent()) {
            return tabularSymbol(symbol.get(), reference.name(), List.of(), environment, reference);
        }
        if (environment.catalog().table(reference.name()).isPresent()) {
            return TableBinder.bind(reference, environment.catalog(), environment.context().timeFilter(), environment.context().ingestion());
        }
        Optional<Symbol.Function> stored = environment.storedFunction(reference.name(), reference.span());
        if (stored.isPresent()) {
            return tabularSymbol(stored.get(), reference.name(), List.of(), environment, reference);
        }
        throw new DiagnosticException(DiagnosticFacts.unknownTable(reference.name()), reference.span());
    }

    private static LogicalOperator call(FunctionCall call, Environment environment) {
        if (call.name().equals("materialize") && UserFunctions.find(call.name(), environment, call.nameSpan()).isEmpty()) {
            if (call.arguments().size() != 1) {
                throw new DiagnosticException(DiagnosticFacts.argumentCount("materialize", List.of(1)), call.span());
            }
            return new Materialize(bind(LetBinder.asTabular(call.arguments().get(0)), environment));
        }
        Symbol.Function function = UserFunctions.find(call.name(), environment, call.nameSpan())
                .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.unknownTabularFunction(call.name()), call.nameSpan()));
        return tabularSymbol(function, call.name(), call.arguments(), environment, new TableReference(call.name(), call.span()));
    }

    private static LogicalOperator tabularSymbol(Symbol symbol, String name, List<dev.vigil.kql.syntax.Expression> arguments,
                                                 Environment environment, TableReference at) {
        if (symbol instanceof Symbol.Tabular tabular) {
            return tabular.plan();
        }
        if (symbol instanceof Symbol.Graph) {
            throw new DiagnosticException(DiagnosticFacts.graphUsedAsTable(name), at.span());
        }
        if (symbol instanceof Symbol.Function function) {
            Symbol result = UserFunctions.invoke(function, arguments, Optional.empty(), Scope.of(List.of(), environment), at.span());
            if (result instanceof Symbol.Tabular tabular) {
                return tabular.plan();
            }
            throw new DiagnosticException(DiagnosticFacts.scalarFunctionInTabularContext(name), at.span());
        }
        throw new DiagnosticException(DiagnosticFacts.notATable(name), at.span());
    }
}
