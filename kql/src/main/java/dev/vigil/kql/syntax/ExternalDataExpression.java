package dev.vigil.kql.syntax;

import java.util.List;

/**
 * {@code externaldata (Name:type, ...) [ "location", ... ] with (format=csv, ignoreFirstRecord=true)}:
 * a table whose columns the query declares and whose rows are read from files or URLs outside the
 * workspace.
 *
 * @param locations the constant strings naming each file or URL, in order
 * @param properties the {@code with (...)} properties, as written
 */
public record ExternalDataExpression(List<ColumnDeclaration> columns, List<Expression> locations, List<NamedArgument> properties,
                                     Span span) implements TabularExpression {
    public ExternalDataExpression {
        columns = List.copyOf(columns);
        locations = List.copyOf(locations);
        properties = List.copyOf(properties);
    }

    @Override
    public <R> R accept(TabularExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
