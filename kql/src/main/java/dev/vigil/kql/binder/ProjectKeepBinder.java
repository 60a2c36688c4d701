package dev.vigil.kql.binder;

import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.syntax.NamePattern;
import dev.vigil.kql.syntax.ProjectKeepOperator;
import java.util.HashSet;
import java.util.Set;

/** {@code project-keep}: only the input columns named (wildcards allowed), in input order. */
final class ProjectKeepBinder {
    private ProjectKeepBinder() {
    }

    static LogicalOperator bind(ProjectKeepOperator keep, LogicalOperator input) {
        Set<String> kept = new HashSet<>();
        for (NamePattern pattern : keep.columns()) {
            NamePatterns.columns(pattern, input.schema()).forEach(c -> kept.add(c.name()));
        }
        return new Project(input, input.schema().stream().filter(c -> kept.contains(c.name()))
                .map(ProjectAwayBinder::same).toList());
    }
}
