package dev.vigil.workspace.catalog;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.api.TableDefinitionException;
import dev.vigil.workspace.api.TableKind;
import dev.vigil.workspace.api.TableWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The rules a custom table must follow, as Log Analytics sets them for {@code _CL} tables. */
public final class CustomTables {
    public static final String SUFFIX = "_CL";
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,44}");
    private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,499}");

    private CustomTables() {
    }

    /**
     * A declared column from its type as written ({@code string}, {@code datetime}, Kusto's aliases
     * such as {@code double} too), for callers that read definitions from text.
     *
     * @throws TableDefinitionException if the type is not a KQL type
     */
    public static ColumnSchema column(String name, String typeName) {
        KqlType type = KqlType.fromName(typeName).orElseThrow(() -> new TableDefinitionException(
                "column '" + name + "' has unknown type '" + typeName + "'; the types are "
                        + Arrays.stream(KqlType.values()).map(KqlType::kqlName).collect(Collectors.joining(", "))));
        return new ColumnSchema(name, type);
    }

    /**
     * Checks a definition and returns the table it declares: the standard columns first, then the
     * declared ones in their order.
     *
     * @param existingTables names of the workspace's tables, to refuse a duplicate
     * @throws TableDefinitionException naming what is wrong
     */
    public static WorkspaceTable define(TableDefinition definition, Collection<String> existingTables) {
        String name = definition.name();
        if (name == null || !NAME.matcher(name).matches() || !name.endsWith(SUFFIX) || name.equals(SUFFIX)) {
            throw new TableDefinitionException("custom table name '" + name + "' is not valid: it must start with a letter,"
                    + " hold only letters, digits and '_', be at most 45 characters long and end in '" + SUFFIX + "'");
        }
        if (existingTables.stream().anyMatch(t -> t.equalsIgnoreCase(name))) {
            throw new TableDefinitionException("a table named '" + name + "' already exists in this workspace");
        }
        List<ColumnSchema> columns = new ArrayList<>(StandardColumns.ALL);
        Set<String> seen = new HashSet<>();
        for (ColumnSchema column : definition.columns()) {
            String columnName = column.name();
            if (ReservedColumns.isReserved(columnName)) {
                throw new TableDefinitionException(ReservedColumns.reason(columnName) + " (table '" + name + "')");
            }
            if (!COLUMN_NAME.matcher(columnName).matches()) {
                throw new TableDefinitionException("column name '" + columnName + "' of table '" + name
                        + "' is not valid: it must start with a letter and hold only letters, digits and '_'");
            }
            if (!seen.add(columnName.toLowerCase(Locale.ROOT))) {
                throw new TableDefinitionException("column '" + columnName + "' is declared more than once in table '" + name + "'");
            }
            if (StandardColumns.isStandard(columnName)) {
                ColumnSchema standard = columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElseThrow();
                if (standard.type() != column.type()) {
                    throw new TableDefinitionException("column '" + columnName + "' of table '" + name + "' must be of type "
                            + standard.type().kqlName() + ", as in every table, not " + column.type().kqlName());
                }
                continue;
            }
            if (StandardColumns.ALL.stream().anyMatch(c -> c.name().equalsIgnoreCase(columnName))) {
                throw new TableDefinitionException("column '" + columnName + "' of table '" + name
                        + "' differs only in case from a standard column");
            }
            columns.add(column);
        }
        return new WorkspaceTable(name, TableKind.CUSTOM, TableWriter.CLIENTS, columns);
    }
}
