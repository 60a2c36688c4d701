package dev.vigil.kql.binder;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.GraphToTableOperator;
import dev.vigil.kql.syntax.LetStatement;
import dev.vigil.kql.syntax.PipeExpression;
import dev.vigil.kql.syntax.QueryOperator;
import dev.vigil.kql.syntax.QueryStatement;
import dev.vigil.kql.syntax.SetStatement;
import dev.vigil.kql.syntax.StatementVisitor;
import java.util.List;

/**
 * Binds a query's statements in order: each {@code let} opens a scope for what follows, {@code set} records an option,
 * and the one tabular statement gives the results (several when it ends with {@code fork} or {@code facet}).
 */
final class StatementBinding implements StatementVisitor<Void> {
    private final QueryContext context;
    private Environment environment;
    private List<NamedResult> results;

    StatementBinding(Environment environment, QueryContext context) {
        this.environment = environment;
        this.context = context;
    }

    /** The results of the tabular statement, in order, or null when there was none. */
    List<NamedResult> results() {
        return results;
    }

    @Override
    public Void visit(QueryStatement queryStatement) {
        if (results != null) {
            throw new DiagnosticException(DiagnosticFacts.oneResultOnly(), queryStatement.span());
        }
        PipeExpression pipe = queryStatement.pipe();
        List<QueryOperator> operators = pipe.operators();
        if (!operators.isEmpty() && operators.get(operators.size() - 1) instanceof GraphToTableOperator toTable && toTable.outputs().size() > 1) {
            PipeExpression input = new PipeExpression(pipe.source(), operators.subList(0, operators.size() - 1), pipe.span());
            results = GraphBinder.tables(toTable, TabularBinder.value(input, environment), environment);
        } else if (!operators.isEmpty() && SeveralResultsBinder.givesSeveralResults(operators.get(operators.size() - 1))) {
            QueryOperator last = operators.get(operators.size() - 1);
            PipeExpression input = new PipeExpression(pipe.source(), operators.subList(0, operators.size() - 1), pipe.span());
            results = SeveralResultsBinder.bind(last, TabularBinder.bind(input, environment), environment);
        } else {
            results = List.of(new NamedResult(NamedResult.PRIMARY, TabularBinder.bind(pipe, environment)));
        }
        return null;
    }

    @Override
    public Void visit(LetStatement let) {
        environment = environment.child();
        LetBinder.bind(let, environment);
        return null;
    }

    @Override
    public Void visit(SetStatement set) {
        set.value().ifPresent(value -> context.option(set.option().name(), value));
        return null;
    }
}
