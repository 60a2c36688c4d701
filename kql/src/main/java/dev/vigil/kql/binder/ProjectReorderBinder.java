package dev.vigil.kql.binder;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.syntax.ProjectReorderOperator;
import dev.vigil.kql.syntax.ReorderKey;
import dev.vigil.kql.syntax.SortDirection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code project-reorder}: the named columns first, in the order named (the matches of a wildcard in
 * input order, or sorted by name with {@code asc}/{@code desc}), then the others as they were.
 */
final class ProjectReorderBinder {
    private ProjectReorderBinder() {
    }

    static LogicalOperator bind(ProjectReorderOperator reorder, LogicalOperator input) {
        Set<String> first = new LinkedHashSet<>();
        for (ReorderKey key : reorder.keys()) {
            List<ColumnSchema> matches = new ArrayList<>(NamePatterns.columns(key.pattern(), input.schema()));
            if (key.direction().isPresent()) {
                Comparator<ColumnSchema> byName = Comparator.comparing(ColumnSchema::name);
                matches.sort(key.direction().get() == SortDirection.ASCENDING ? byName : byName.reversed());
            }
            matches.forEach(c -> first.add(c.name()));
        }
        List<OutputColumn> columns = new ArrayList<>();
        for (String name : first) {
            input.schema().stream().filter(c -> c.name().equals(name)).findFirst()
                    .ifPresent(c -> columns.add(ProjectAwayBinder.same(c)));
        }
        input.schema().stream().filter(c -> !first.contains(c.name())).forEach(c -> columns.add(ProjectAwayBinder.same(c)));
        return new Project(input, columns);
    }
}
