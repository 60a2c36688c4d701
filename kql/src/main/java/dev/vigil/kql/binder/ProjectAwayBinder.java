package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.syntax.NamePattern;
import dev.vigil.kql.syntax.ProjectAwayOperator;
import java.util.HashSet;
import java.util.Set;

/** {@code project-away}: the input columns in order, without those named (wildcards allowed). */
final class ProjectAwayBinder {
    private ProjectAwayBinder() {
    }

    static LogicalOperator bind(ProjectAwayOperator away, LogicalOperator input) {
        Set<String> removed = new HashSet<>();
        for (NamePattern pattern : away.columns()) {
            NamePatterns.columns(pattern, input.schema()).forEach(c -> removed.add(c.name()));
        }
        return new Project(input, input.schema().stream().filter(c -> !removed.contains(c.name()))
                .map(ProjectAwayBinder::same).toList());
    }

    static OutputColumn same(ColumnSchema column) {
        return new OutputColumn(column.name(), new BoundColumn(column.name(), column.type()));
    }
}
