package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.syntax.ColumnRename;
import dev.vigil.kql.syntax.ProjectRenameOperator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code project-rename New = Old}: every column stays where it is; renamed ones take their new names. */
final class ProjectRenameBinder {
    private ProjectRenameBinder() {
    }

    static LogicalOperator bind(ProjectRenameOperator rename, LogicalOperator input) {
        Map<String, String> newNames = new HashMap<>();
        for (ColumnRename item : rename.renames()) {
            String old = item.oldName().name();
            if (input.schema().stream().noneMatch(c -> c.name().equals(old))) {
                throw new DiagnosticException(DiagnosticFacts.unknownColumn(old), item.oldName().span());
            }
            newNames.put(old, item.newName().name());
        }
        List<OutputColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ColumnSchema column : input.schema()) {
            String name = newNames.getOrDefault(column.name(), column.name());
            if (!names.add(name)) {
                ColumnRename clash = rename.renames().stream().filter(r -> r.newName().name().equals(name)).findFirst().orElseThrow();
                throw new DiagnosticException(DiagnosticFacts.duplicateColumn(name), clash.newName().span());
            }
            columns.add(new OutputColumn(name, new BoundColumn(column.name(), column.type())));
        }
        return new Project(input, columns);
    }
}
