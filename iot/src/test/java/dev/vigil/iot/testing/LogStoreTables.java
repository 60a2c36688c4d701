package dev.vigil.iot.testing;

import dev.vigil.iot.routing.RoutedColumn;
import dev.vigil.iot.routing.RoutingTables;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.api.TableNotFoundException;
import java.util.List;
import java.util.Optional;

/** Routing tables in the test's real log store, as the server supplies them. */
public final class LogStoreTables implements RoutingTables {
    private final LogStore logStore;

    public LogStoreTables(LogStore logStore) {
        this.logStore = logStore;
    }

    @Override
    public Optional<List<RoutedColumn>> columns(String workspace, String table) {
        try {
            return Optional.of(logStore.table(workspace, table).columns().stream().map(c -> new RoutedColumn(c.name(), c.type().kqlName())).toList());
        } catch (TableNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public void create(String workspace, String table, List<RoutedColumn> columns) {
        logStore.createCustomTable(workspace, new TableDefinition(table, columns.stream()
                .map(c -> new ColumnSchema(c.name(), KqlType.fromName(c.kqlType()).orElseThrow())).toList()));
    }
}
