package dev.vigil.workspace.catalog;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import java.util.List;

/** The columns Log Analytics puts in every table. */
public final class StandardColumns {
    public static final String TIME_GENERATED = "TimeGenerated";
    public static final String TENANT_ID = "TenantId";
    public static final String TYPE = "Type";

    public static final List<ColumnSchema> ALL = List.of(
            new ColumnSchema(TENANT_ID, KqlType.STRING),
            new ColumnSchema(TIME_GENERATED, KqlType.DATETIME),
            new ColumnSchema(TYPE, KqlType.STRING));

    private StandardColumns() {
    }

    public static boolean isStandard(String columnName) {
        return ALL.stream().anyMatch(c -> c.name().equals(columnName));
    }
}
