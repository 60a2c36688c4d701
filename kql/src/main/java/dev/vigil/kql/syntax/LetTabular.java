package dev.vigil.kql.syntax;

/** A {@code let} value that is a table by its syntax (a pipe, {@code datatable}, {@code range}, ...). */
public record LetTabular(TabularExpression tabular) implements LetValue {
    @Override
    public Span span() {
        return tabular.span();
    }
}
