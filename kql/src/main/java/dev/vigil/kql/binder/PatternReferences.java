package dev.vigil.kql.binder;

import dev.vigil.kql.syntax.AllColumns;
import dev.vigil.kql.syntax.BetweenExpression;
import dev.vigil.kql.syntax.BinaryExpression;
import dev.vigil.kql.syntax.ElementAccess;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.ExpressionVisitor;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.InExpression;
import dev.vigil.kql.syntax.LiteralExpression;
import dev.vigil.kql.syntax.MemberAccess;
import dev.vigil.kql.syntax.NameReference;
import dev.vigil.kql.syntax.NamedArgument;
import dev.vigil.kql.syntax.NullLiteral;
import dev.vigil.kql.syntax.SubqueryExpression;
import dev.vigil.kql.syntax.UnaryExpression;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which pattern variables a {@code graph-match} expression reads outside the graph functions that iterate a path
 * ({@code all()}, {@code any()}, {@code map()}): an expression reading a variable-length edge's properties there is
 * evaluated per edge of it, so it decides how the expression is bound.
 */
final class PatternReferences implements ExpressionVisitor<Void> {
    /** The graph functions whose arguments are read per element of a path, not per match. */
    static final Set<String> PATH_FUNCTIONS = Set.of("all", "any", "map");

    private final Set<String> variableEdges;
    private final Set<String> otherVariables;
    private final Set<String> edgesRead = new LinkedHashSet<>();
    private boolean othersRead;

    private PatternReferences(Set<String> variableEdges, Set<String> otherVariables) {
        this.variableEdges = variableEdges;
        this.otherVariables = otherVariables;
    }

    static PatternReferences of(Expression expression, Set<String> variableEdges, Set<String> otherVariables) {
        PatternReferences references = new PatternReferences(variableEdges, otherVariables);
        expression.accept(references);
        return references;
    }

    /** The variable-length edges read, in order of first reading. */
    Set<String> edgesRead() {
        return edgesRead;
    }

    /** Whether a node or a one-edge-long edge is read. */
    boolean othersRead() {
        return othersRead;
    }

    @Override
    public Void visit(NameReference reference) {
        if (variableEdges.contains(reference.name())) {
            edgesRead.add(reference.name());
        } else if (otherVariables.contains(reference.name())) {
            othersRead = true;
        }
        return null;
    }

    @Override
    public Void visit(FunctionCall call) {
        if (!PATH_FUNCTIONS.contains(call.name())) {
            call.arguments().forEach(argument -> argument.accept(this));
        }
        return null;
    }

    @Override
    public Void visit(MemberAccess member) {
        return member.target().accept(this);
    }

    @Override
    public Void visit(ElementAccess element) {
        element.target().accept(this);
        return element.index().accept(this);
    }

    @Override
    public Void visit(BinaryExpression binary) {
        binary.left().accept(this);
        return binary.right().accept(this);
    }

    @Override
    public Void visit(UnaryExpression unary) {
        return unary.operand().accept(this);
    }

    @Override
    public Void visit(InExpression in) {
        in.left().accept(this);
        in.values().forEach(value -> value.accept(this));
        return null;
    }

    @Override
    public Void visit(BetweenExpression between) {
        between.value().accept(this);
        between.low().accept(this);
        return between.high().accept(this);
    }

    @Override
    public Void visit(NamedArgument named) {
        return named.value().accept(this);
    }

    @Override
    public Void visit(LiteralExpression literal) {
        return null;
    }

    @Override
    public Void visit(NullLiteral nullLiteral) {
        return null;
    }

    @Override
    public Void visit(AllColumns all) {
        return null;
    }

    @Override
    public Void visit(SubqueryExpression subquery) {
        return null;
    }
}
