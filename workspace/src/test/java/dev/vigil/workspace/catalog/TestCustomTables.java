package dev.vigil.workspace.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.api.TableDefinitionException;
import dev.vigil.workspace.api.TableKind;
import dev.vigil.workspace.api.TableWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestCustomTables {
    private static final List<String> EXISTING = List.of("SecurityAlert", "Sensors_CL");

    @Test
    void testStandardColumnsComeFirstThenTheDeclaredOnes() {
        WorkspaceTable table = CustomTables.define(new TableDefinition("Readings_CL", List.of(
                new ColumnSchema("DeviceId", KqlType.STRING),
                new ColumnSchema("Temperature", KqlType.REAL))), EXISTING);

        assertThat(table.kind()).isEqualTo(TableKind.CUSTOM);
        assertThat(table.columns()).extracting(ColumnSchema::name)
                .containsExactly("TenantId", "TimeGenerated", "Type", "DeviceId", "Temperature");
    }

    @Test
    void testDeclaringTimeGeneratedAsDatetimeIsAllowed() {
        WorkspaceTable table = CustomTables.define(new TableDefinition("Readings_CL", List.of(
                new ColumnSchema("TimeGenerated", KqlType.DATETIME))), EXISTING);

        assertThat(table.columns()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Readings", "Readings_cl", "_CL", "1Readings_CL", "Read-ings_CL", "Read ings_CL"})
    void testNamesThatAreNotCustomTableNamesAreRefused(String name) {
        assertThatThrownBy(() -> CustomTables.define(new TableDefinition(name, List.of()), EXISTING))
                .isInstanceOf(TableDefinitionException.class)
                .hasMessageContaining("'" + name + "' is not valid")
                .hasMessageContaining("_CL");
    }

    @Test
    void testDuplicateTableIsRefused() {
        assertThatThrownBy(() -> CustomTables.define(new TableDefinition("sensors_CL", List.of()), EXISTING))
                .isInstanceOf(TableDefinitionException.class)
                .hasMessage("a table named 'sensors_CL' already exists in this workspace");
    }

    @Test
    void testDuplicateColumnIsRefused() {
        assertThatThrownBy(() -> CustomTables.define(new TableDefinition("Readings_CL", List.of(
                new ColumnSchema("Value", KqlType.REAL), new ColumnSchema("value", KqlType.LONG))), EXISTING))
                .isInstanceOf(TableDefinitionException.class)
                .hasMessage("column 'value' is declared more than once in table 'Readings_CL'");
    }

    @Test
    void testStandardColumnWithAnotherTypeIsRefused() {
        assertThatThrownBy(() -> CustomTables.define(new TableDefinition("Readings_CL", List.of(
                new ColumnSchema("TimeGenerated", KqlType.STRING))), EXISTING))
                .isInstanceOf(TableDefinitionException.class)
                .hasMessage("column 'TimeGenerated' of table 'Readings_CL' must be of type datetime, as in every table, not string");
    }

    @Test
    void testBadColumnNameIsRefused() {
        assertThatThrownBy(() -> CustomTables.define(new TableDefinition("Readings_CL", List.of(
                new ColumnSchema("Device Id", KqlType.STRING))), EXISTING))
                .isInstanceOf(TableDefinitionException.class)
                .hasMessageContaining("column name 'Device Id' of table 'Readings_CL' is not valid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"_IngestBatch", "_ingestbatch", "_ResourceId", "_SubscriptionId", "_BilledSize", "_IsBillable", "_Mine"})
    void testReservedColumnNamesAreRefusedByName(String name) {
        assertThatThrownBy(() -> CustomTables.define(new TableDefinition("Readings_CL", List.of(
                new ColumnSchema(name, KqlType.LONG))), EXISTING))
                .isInstanceOf(TableDefinitionException.class)
                .hasMessageStartingWith("column name '" + name + "' is reserved: names starting with '_' belong to the system columns")
                .hasMessageEndingWith("(table 'Readings_CL')");
    }

    @Test
    void testCustomTablesTakeRowsFromClients() {
        assertThat(CustomTables.define(new TableDefinition("Readings_CL", List.of()), EXISTING).writer()).isEqualTo(TableWriter.CLIENTS);
    }

    @Test
    void testUnknownTypeIsRefusedByName() {
        assertThat(CustomTables.column("Temperature", "double")).isEqualTo(new ColumnSchema("Temperature", KqlType.REAL));
        assertThatThrownBy(() -> CustomTables.column("Temperature", "float"))
                .isInstanceOf(TableDefinitionException.class)
                .hasMessageStartingWith("column 'Temperature' has unknown type 'float'; the types are bool, int, long");
    }
}
