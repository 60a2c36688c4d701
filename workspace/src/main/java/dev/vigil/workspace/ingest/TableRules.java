package dev.vigil.workspace.ingest;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.workspace.catalog.StandardColumns;
import dev.vigil.workspace.catalog.WorkspaceTable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What both validators ({@link RowValidator} on decoded rows, {@link BodyRowValidator} on a body)
 * look up in a table, and the rule for the columns Log Analytics fills when a row leaves them out:
 * {@code TimeGenerated}, {@code Type} and {@code TenantId}, kept in one place so that the two
 * store the same values.
 */
final class TableRules {
    private final WorkspaceTable table;
    private final String tenantId;
    private final Map<String, Integer> positions = new HashMap<>();
    final int timeGenerated;
    final int tenant;
    final int type;
    final Optional<BillingColumns> billing;

    TableRules(WorkspaceTable table, String tenantId) {
        this.table = table;
        this.tenantId = tenantId;
        List<ColumnSchema> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            positions.put(columns.get(i).name(), i);
        }
        this.timeGenerated = positions.get(StandardColumns.TIME_GENERATED);
        this.tenant = positions.get(StandardColumns.TENANT_ID);
        this.type = positions.get(StandardColumns.TYPE);
        this.billing = BillingColumns.of(table);
    }

    WorkspaceTable table() {
        return table;
    }

    String tenantId() {
        return tenantId;
    }

    /** The column's position in the table; null for a name it lacks. */
    Integer position(String column) {
        return positions.get(column);
    }

    /**
     * The stored value of {@code TimeGenerated}, {@code Type} or {@code TenantId} (at {@code position})
     * for the row's coerced value, null when the row leaves it out: what the row left out or sent
     * empty is filled, {@code Type} must be the table's name and {@code TenantId} the workspace's
     * tenant (in any case). Null for a value that is not: the caller reports it.
     */
    Object standardValue(int position, Object sent, Instant ingestionTime) {
        if (position == timeGenerated) {
            return sent == null ? ingestionTime : sent;
        }
        String expected = position == type ? table.name() : tenantId;
        if (sent == null || sent.equals("")) {
            return expected;
        }
        boolean same = position == type ? sent.equals(expected) : sent.toString().equalsIgnoreCase(expected);
        return same ? sent : null;
    }
}
