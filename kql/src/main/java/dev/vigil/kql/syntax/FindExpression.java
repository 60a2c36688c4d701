package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/**
 * {@code find [withsource=Name] [in (Tables)] [where] Predicate [project-smart | project Column[:type], ... [, pack_all()]]}.
 *
 * @param tables the tables to look in; empty means every table
 * @param columns the columns of {@code project}; empty for {@code project-smart}, which is also the default
 * @param packAll whether {@code project} ends with {@code pack_all()}
 */
public record FindExpression(Optional<Identifier> withSource, List<TableReference> tables, Expression predicate,
                             Optional<List<FindColumn>> columns, boolean packAll, Span span) implements TabularExpression {
    public FindExpression {
        tables = List.copyOf(tables);
        columns = columns.map(List::copyOf);
    }

    @Override
    public <R> R accept(TabularExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
