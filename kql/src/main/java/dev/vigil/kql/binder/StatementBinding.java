package dev.vigil.kql.binder;

import dev.vigil.kql.syntax.GraphToTableOperator;
import dev.vigil.kql.syntax.LetStatement;
import dev.vigil.kql.syntax.PipeExpression;
import dev.vigil.kql.syntax.QueryOperator;
import dev.vigil.kql.syntax.QueryStatement;
import dev.vigil.kql.syntax.SetStatement;
import dev.vigil.kql.syntax.StatementVisitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds a query's statements in order: each {@code let} opens a scope for what follows, {@code set} records an option,
 * and each tabular statement gives a result table, or several when it ends with {@code fork}, {@code facet} or
 * {@code evaluate funnel_sequence}. The results come in statement order, as Kusto returns a batch's tables.
 */
final class StatementBinding implements StatementVisitor<Void> {
    /** The prefix of the name Kusto gives an unnamed result of a query with several: Table_0, Table_1, ... by position. */
    static final String UNNAMED_TABLE = "Table_";

    private final QueryContext context;
    private final List<StatementResult> produced = new ArrayList<>();
    private Environment environment;

    StatementBinding(Environment environment, QueryContext context) {
        this.environment = environment;
        this.context = context;
    }

    /**
     * The results of the tabular statements, in order and named, or null when there was none: a query's only result
     * of a plain statement is {@code PrimaryResult}; otherwise a result keeps its own name ({@code fork}'s, a final
     * {@code as}) or takes {@code Table_N}, N its position among the query's results.
     */
    List<NamedResult> results() {
        if (produced.isEmpty()) {
            return null;
        }
        if (produced.size() == 1 && produced.get(0).wholeStatement()) {
            return List.of(new NamedResult(NamedResult.PRIMARY, produced.get(0).plan()));
        }
        List<NamedResult> results = new ArrayList<>();
        for (int i = 0; i < produced.size(); i++) {
            StatementResult result = produced.get(i);
            results.add(new NamedResult(result.name().orElse(UNNAMED_TABLE + i), result.plan()));
        }
        return results;
    }

    @Override
    public Void visit(QueryStatement queryStatement) {
        PipeExpression pipe = queryStatement.pipe();
        List<QueryOperator> operators = pipe.operators();
        if (!operators.isEmpty() && operators.get(operators.size() - 1) instanceof GraphToTableOperator toTable && toTable.outputs().size() > 1) {
            PipeExpression input = new PipeExpression(pipe.source(), operators.subList(0, operators.size() - 1), pipe.span());
            produced.addAll(GraphBinder.tables(toTable, TabularBinder.value(input, environment), environment));
        } else if (!operators.isEmpty() && SeveralResultsBinder.givesSeveralResults(operators.get(operators.size() - 1))) {
            QueryOperator last = operators.get(operators.size() - 1);
            PipeExpression input = new PipeExpression(pipe.source(), operators.subList(0, operators.size() - 1), pipe.span());
            produced.addAll(SeveralResultsBinder.bind(last, TabularBinder.bind(input, environment), environment));
        } else {
            Optional<String> name = SeveralResultsBinder.finalAs(pipe);
            produced.add(new StatementResult(name, TabularBinder.bind(pipe, environment), true));
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
