package dev.vigil.kql.binder;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.LetStatement;
import dev.vigil.kql.syntax.QueryStatement;
import dev.vigil.kql.syntax.SetStatement;
import dev.vigil.kql.syntax.StatementVisitor;

/**
 * Binds a query's statements in order: each {@code let} opens a scope for what follows, {@code set} records an option,
 * and the one tabular statement gives the result.
 */
final class StatementBinding implements StatementVisitor<Void> {
    private final QueryContext context;
    private Environment environment;
    private LogicalOperator result;

    StatementBinding(Environment environment, QueryContext context) {
        this.environment = environment;
        this.context = context;
    }

    /** The plan of the tabular statement, or null when there was none. */
    LogicalOperator result() {
        return result;
    }

    @Override
    public Void visit(QueryStatement queryStatement) {
        if (result != null) {
            throw new DiagnosticException(DiagnosticFacts.oneResultOnly(), queryStatement.span());
        }
        result = TabularBinder.bind(queryStatement.pipe(), environment);
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
