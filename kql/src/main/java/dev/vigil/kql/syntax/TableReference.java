package dev.vigil.kql.syntax;

/**
 * A table named at the start of a pipe, or a {@code let} name or stored function standing for a
 * table. In {@code union} and {@code search} the name may hold {@code *} wildcards.
 */
public record TableReference(String name, Span span) implements TabularExpression {

    public boolean isWildcard() {
        return name.indexOf('*') >= 0;
    }

    @Override
    public <R> R accept(TabularExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
