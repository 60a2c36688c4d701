package dev.vigil.kql.sql;

import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import java.util.stream.Collectors;

/** {@code project} and {@code extend}: each output column by name, in order. */
final class ProjectSql {
    private ProjectSql() {
    }

    static String select(Project project, String input, ExpressionSql expressions) {
        return "SELECT " + project.columns().stream().map(c -> column(c, expressions)).collect(Collectors.joining(", "))
                + " FROM " + input;
    }

    static String column(OutputColumn column, ExpressionSql expressions) {
        String expression = expressions.render(column.expression());
        String name = SqlIdentifiers.quote(column.name());
        return expression.equals(name) ? name : expression + " AS " + name;
    }
}
