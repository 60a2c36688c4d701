package dev.vigil.kql.syntax;

import java.util.List;

/** {@code project-rename New = Old, ...}: the same columns, some renamed where they stand. */
public record ProjectRenameOperator(List<ColumnRename> renames, Span span) implements QueryOperator {
    public ProjectRenameOperator {
        renames = List.copyOf(renames);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
