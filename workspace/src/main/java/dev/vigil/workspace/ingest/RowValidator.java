package dev.vigil.workspace.ingest;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.RowError;
import dev.vigil.workspace.api.RowsRejectedException;
import dev.vigil.workspace.catalog.ReservedColumns;
import dev.vigil.workspace.catalog.StandardColumns;
import dev.vigil.workspace.catalog.WorkspaceTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a request's rows against a table and coerces their values, all or nothing: either every
 * row becomes an array of stored values in table column order, or {@link RowsRejectedException}
 * lists what is wrong with each bad row. The columns Log Analytics fills itself are filled here:
 * {@code TimeGenerated}, {@code TenantId} and {@code Type} when the row leaves them out, and
 * {@code _IsBillable} and {@code _BilledSize} always ({@link BillingColumns}).
 */
public final class RowValidator {
    /** Errors listed in one rejection; the rest are counted. */
    public static final int MAX_REPORTED_ERRORS = 100;

    private final WorkspaceTable table;
    private final TableRules rules;

    public RowValidator(WorkspaceTable table, String tenantId) {
        this.table = table;
        this.rules = new TableRules(table, tenantId);
    }

    /**
     * @param ingestionTime the {@code TimeGenerated} of rows that do not carry one
     * @return each row's stored values, in table column order
     * @throws RowsRejectedException if any row is bad
     */
    public List<Object[]> validate(List<Map<String, Object>> rows, Instant ingestionTime) {
        List<Object[]> accepted = new ArrayList<>(rows.size());
        List<RowError> errors = new ArrayList<>();
        int errorCount = 0;
        for (int index = 0; index < rows.size(); index++) {
            List<RowError> rowErrors = new ArrayList<>(0);
            Object[] values = validateRow(index, rows.get(index), ingestionTime, rowErrors);
            if (rowErrors.isEmpty()) {
                accepted.add(values);
                continue;
            }
            errorCount += rowErrors.size();
            for (RowError error : rowErrors) {
                if (errors.size() < MAX_REPORTED_ERRORS) {
                    errors.add(error);
                }
            }
        }
        if (errorCount > 0) {
            throw new RowsRejectedException(table.name(), errors, errorCount);
        }
        return accepted;
    }

    private Object[] validateRow(int index, Map<String, Object> row, Instant ingestionTime, List<RowError> errors) {
        List<ColumnSchema> columns = table.columns();
        Object[] values = new Object[columns.size()];
        if (row == null) {
            errors.add(new RowError(index, null, "the row is not a JSON object"));
            return values;
        }
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            String name = entry.getKey();
            Integer position = rules.position(name);
            if (position == null) {
                errors.add(new RowError(index, name, ReservedColumns.isReserved(name)
                        ? ReservedColumns.reason(name) + "; leave it out of the row"
                        : "table '" + table.name() + "' has no column '" + name + "'"));
                continue;
            }
            if (rules.billing.isPresent() && rules.billing.get().fills(position)) {
                // computed below from the row itself, whatever the caller sent
                continue;
            }
            ColumnSchema column = columns.get(position);
            try {
                values[position] = ValueCoercion.coerce(column.type(), entry.getValue());
            } catch (InvalidValueException e) {
                errors.add(new RowError(index, name, e.getMessage()));
            }
        }
        fillStandardColumns(index, values, ingestionTime, errors);
        for (int i = 0; i < values.length; i++) {
            // Strings are never null in Kusto: a string the row leaves out is empty.
            if (values[i] == null && columns.get(i).type() == KqlType.STRING) {
                values[i] = "";
            }
        }
        if (errors.isEmpty()) {
            rules.billing.ifPresent(columnsToFill -> columnsToFill.fill(values));
        }
        return values;
    }

    private void fillStandardColumns(int index, Object[] values, Instant ingestionTime, List<RowError> errors) {
        values[rules.timeGenerated] = rules.standardValue(rules.timeGenerated, values[rules.timeGenerated], ingestionTime);
        Object sentType = values[rules.type];
        values[rules.type] = rules.standardValue(rules.type, sentType, ingestionTime);
        if (values[rules.type] == null) {
            errors.add(new RowError(index, StandardColumns.TYPE, "Type is the table name, '" + table.name() + "', not '" + sentType + "'"));
        }
        Object sentTenant = values[rules.tenant];
        values[rules.tenant] = rules.standardValue(rules.tenant, sentTenant, ingestionTime);
        if (values[rules.tenant] == null) {
            errors.add(new RowError(index, StandardColumns.TENANT_ID,
                    "TenantId is the workspace's tenant, '" + rules.tenantId() + "', not '" + sentTenant + "'"));
        }
    }
}
