package dev.vigil.kql.syntax;

import java.util.List;

/**
 * {@code search [kind=case_sensitive] [in (Tables)] predicate}. Terms are {@code "text"} (found in any
 * string column) or {@code Column:"text"}, combined with {@code and}, {@code or}, {@code not}; other
 * predicates are ordinary expressions.
 *
 * @param tables the tables to search when used at the start of a pipe; empty means every table
 */
public record SearchOperator(boolean caseSensitive, List<TableReference> tables, Expression predicate, Span span)
        implements QueryOperator {
    public SearchOperator {
        tables = List.copyOf(tables);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
