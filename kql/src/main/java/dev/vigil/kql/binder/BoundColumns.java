package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundExpressionVisitor;
import dev.vigil.kql.bound.BoundIn;
import dev.vigil.kql.bound.BoundInSubquery;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.bound.BoundPathElements;
import dev.vigil.kql.bound.BoundScalarSubquery;
import java.util.LinkedHashSet;
import java.util.Set;

/** The input columns a bound expression reads, in the order it first reads them (subqueries read their own tables). */
final class BoundColumns implements BoundExpressionVisitor<Void> {
    private final Set<String> names = new LinkedHashSet<>();

    private BoundColumns() {
    }

    static Set<String> of(BoundExpression expression) {
        BoundColumns columns = new BoundColumns();
        expression.accept(columns);
        return columns.names;
    }

    @Override
    public Void visit(BoundColumn column) {
        names.add(column.name());
        return null;
    }

    @Override
    public Void visit(BoundLiteral literal) {
        return null;
    }

    @Override
    public Void visit(BoundCall call) {
        call.arguments().forEach(argument -> argument.accept(this));
        return null;
    }

    @Override
    public Void visit(BoundIn in) {
        in.value().accept(this);
        in.candidates().forEach(candidate -> candidate.accept(this));
        return null;
    }

    @Override
    public Void visit(BoundScalarSubquery subquery) {
        return null;
    }

    @Override
    public Void visit(BoundInSubquery subquery) {
        subquery.value().accept(this);
        return null;
    }

    @Override
    public Void visit(BoundPathElements elements) {
        // the element expression reads the elements' properties, not the input's columns
        names.add(elements.list());
        return null;
    }
}
