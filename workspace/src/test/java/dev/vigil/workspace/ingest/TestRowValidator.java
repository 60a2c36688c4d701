package dev.vigil.workspace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.RowError;
import dev.vigil.workspace.api.RowsRejectedException;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.catalog.BuiltInTables;
import dev.vigil.workspace.catalog.CustomTables;
import dev.vigil.workspace.catalog.WorkspaceTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestRowValidator {
    private static final String TENANT = "3f2c1a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final WorkspaceTable READINGS = CustomTables.define(new TableDefinition("Readings_CL", List.of(
            new ColumnSchema("DeviceId", KqlType.STRING),
            new ColumnSchema("Temperature", KqlType.REAL),
            new ColumnSchema("Count", KqlType.INT))), List.of());

    private final RowValidator validator = new RowValidator(READINGS, TENANT);

    @Test
    void testRowsBecomeStoredValuesInColumnOrderWithStandardColumnsFilled() {
        List<Object[]> rows = validator.validate(List.of(Map.of("Temperature", "21.5", "DeviceId", "d1")), NOW);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsExactly(TENANT, NOW, "Readings_CL", "d1", 21.5, null);
    }

    @Test
    void testTimeGeneratedDefaultsToIngestionTimeButASuppliedOneIsKept() {
        List<Object[]> rows = validator.validate(List.of(
                Map.of("DeviceId", "d1"),
                Map.of("DeviceId", "d2", "TimeGenerated", "2024-04-30T08:00:00+02:00")), NOW);

        assertThat(rows.get(0)[1]).isEqualTo(NOW);
        assertThat(rows.get(1)[1]).isEqualTo(Instant.parse("2024-04-30T06:00:00Z"));
    }

    @Test
    void testMissingAndNullStringsAreEmptyNotNull() {
        Map<String, Object> row = new HashMap<>();
        row.put("DeviceId", null);
        List<Object[]> rows = validator.validate(List.of(row, Map.of()), NOW);

        assertThat(rows.get(0)[3]).isEqualTo("");
        assertThat(rows.get(1)[3]).isEqualTo("");
    }

    @Test
    void testEveryBadRowIsReportedWithIndexColumnAndReason() {
        RowsRejectedException rejected = catchThrowableOfType(RowsRejectedException.class, () -> validator.validate(List.of(
                Map.of("DeviceId", "d1"),
                Map.of("Temperature", "warm"),
                Map.of("DeviceId", "d3", "Humidity", 40),
                Map.of("Count", 1.5, "Type", "Other_CL")), NOW));

        assertThat(rejected.code()).isEqualTo("InvalidRows");
        assertThat(rejected.errors()).containsExactlyInAnyOrder(
                new RowError(1, "Temperature", "'warm' is not a number, as real requires"),
                new RowError(2, "Humidity", "table 'Readings_CL' has no column 'Humidity'"),
                new RowError(3, "Count", "1.5 is not a whole number, as int requires"),
                new RowError(3, "Type", "Type is the table name, 'Readings_CL', not 'Other_CL'"));
        assertThat(rejected.totalErrors()).isEqualTo(4);
        assertThat(rejected).hasMessage("4 row error(s) in rows for table 'Readings_CL'; nothing was written");
    }

    @Test
    void testALoneSurrogateIsRefusedWithItsRowAndColumn() {
        RowsRejectedException rejected = catchThrowableOfType(RowsRejectedException.class, () -> validator.validate(List.of(
                Map.of("DeviceId", "d1"),
                Map.of("DeviceId", "x\uD800y")), NOW));

        assertThat(rejected.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(1);
            assertThat(error.column()).isEqualTo("DeviceId");
            assertThat(error.reason()).startsWith("the value holds a lone surrogate \\uD800 at character 2");
        });
    }

    @Test
    void testTenantIdOfAnotherTenantIsRefusedAndTheOwnIsAccepted() {
        RowsRejectedException rejected = catchThrowableOfType(RowsRejectedException.class, () -> validator.validate(List.of(
                Map.of("TenantId", TENANT.toUpperCase()),
                Map.of("TenantId", "00000000-0000-0000-0000-000000000000")), NOW));

        assertThat(rejected.errors()).extracting(RowError::row, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "TenantId"));
    }

    @Test
    void testBuiltInTablesGetIsBillableAndTheUtf8SizeOfTheirValuesWithoutType() {
        RowValidator alerts = new RowValidator(BuiltInTables.SECURITY_ALERT, TENANT);
        List<ColumnSchema> columns = BuiltInTables.SECURITY_ALERT.columns();

        Object[] row = alerts.validate(List.of(Map.of(
                "TimeGenerated", "2024-05-06T10:00:05Z",
                "AlertName", "Reverse shells",
                "Description", "Température élevée",
                "IsIncident", false,
                "StartTime", "2024-05-06T10:00:05.5Z",
                "ConfidenceScore", 0.5)), NOW).get(0);

        assertThat(row[position(columns, "_IsBillable")]).isEqualTo("True");
        // TenantId 36 + TimeGenerated 20 + AlertName 14 + Description 21 (three é of 2 bytes)
        // + IsIncident "false" 5 + StartTime 28 (2024-05-06T10:00:05.5000000Z) + ConfidenceScore "0.5" 3; Type left out
        assertThat(row[position(columns, "_BilledSize")]).isEqualTo(127.0);
    }

    @Test
    void testBillingValuesACallerSendsAreReplacedWithoutBeingChecked() {
        RowValidator events = new RowValidator(BuiltInTables.SECURITY_IOT_RAW_EVENT, TENANT);
        List<ColumnSchema> columns = BuiltInTables.SECURITY_IOT_RAW_EVENT.columns();

        List<Object[]> rows = events.validate(List.of(
                Map.of("DeviceId", "gateway-01", "_IsBillable", "false", "_BilledSize", "not a number"),
                Map.of("DeviceId", "gateway-01")), NOW);

        assertThat(rows.get(0)[position(columns, "_IsBillable")]).isEqualTo("True");
        assertThat(rows.get(0)[position(columns, "_BilledSize")]).isEqualTo(rows.get(1)[position(columns, "_BilledSize")]);
        // TenantId 36 + TimeGenerated (the ingestion time) 20 + DeviceId 10
        assertThat(rows.get(0)[position(columns, "_BilledSize")]).isEqualTo(66.0);
    }

    @Test
    void testReservedColumnsARowSendsAreRefusedAsReserved() {
        RowsRejectedException rejected = catchThrowableOfType(RowsRejectedException.class, () -> validator.validate(List.of(
                Map.of("DeviceId", "d1", "_IngestBatch", 7),
                Map.of("DeviceId", "d2", "_BilledSize", 12)), NOW));

        assertThat(rejected.errors()).containsExactly(
                new RowError(0, "_IngestBatch", "column name '_IngestBatch' is reserved: names starting with '_' belong to the system"
                        + " columns that Log Analytics and Vigil fill themselves; leave it out of the row"),
                new RowError(1, "_BilledSize", "column name '_BilledSize' is reserved: names starting with '_' belong to the system"
                        + " columns that Log Analytics and Vigil fill themselves; leave it out of the row"));
    }

    @Test
    void testANullRowIsReportedAsNotAnObject() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(null);
        RowsRejectedException rejected = catchThrowableOfType(RowsRejectedException.class, () -> validator.validate(rows, NOW));

        assertThat(rejected.errors()).containsExactly(new RowError(0, null, "the row is not a JSON object"));
    }

    @Test
    void testTheErrorListIsCappedAndTheRestCounted() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            rows.add(Map.of("Count", "many"));
        }
        RowsRejectedException rejected = catchThrowableOfType(RowsRejectedException.class, () -> validator.validate(rows, NOW));

        assertThat(rejected.errors()).hasSize(RowValidator.MAX_REPORTED_ERRORS);
        assertThat(rejected.errors().get(99).row()).isEqualTo(99);
        assertThat(rejected.totalErrors()).isEqualTo(250);
    }

    private static int position(List<ColumnSchema> columns, String name) {
        return columns.indexOf(columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow());
    }
}
