package dev.vigil.kql.sql;

import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import java.util.ArrayList;
import java.util.List;

/** {@code project} and {@code extend}: each output column by name, in order. */
final class ProjectSql {
    private ProjectSql() {
    }

    static String select(Project project, String input, ExpressionSql expressions) {
        WindowStages.Staged staged = WindowStages.of(project.columns().stream().map(OutputColumn::expression).toList(), input, expressions);
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < project.columns().size(); i++) {
            columns.add(column(new OutputColumn(project.columns().get(i).name(), staged.expressions().get(i)), expressions));
        }
        return "SELECT " + String.join(", ", columns) + " FROM " + staged.input();
    }

    static String column(OutputColumn column, ExpressionSql expressions) {
        String expression = expressions.render(column.expression());
        String name = SqlIdentifiers.quote(column.name());
        return expression.equals(name) ? name : expression + " AS " + name;
    }
}
