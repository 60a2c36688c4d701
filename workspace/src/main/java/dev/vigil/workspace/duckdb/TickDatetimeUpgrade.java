package dev.vigil.workspace.duckdb;

import dev.vigil.kql.sql.DuckDbTypes;
import dev.vigil.kql.sql.SqlIdentifiers;
import dev.vigil.kql.types.KqlType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data directories from before datetimes held Kusto's 100-nanosecond ticks stored them as
 * microsecond TIMESTAMPs. On opening, every such column of the workspaces' log tables becomes a
 * TIMESTAMP_NS, all of them in one transaction, so that a failure leaves the directory as it was.
 * Each value keeps its instant; one outside what a TIMESTAMP_NS holds (before 1677 or after 2262)
 * is moved to the nearest end of that range, so that no row is lost.
 */
final class TickDatetimeUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(TickDatetimeUpgrade.class);
    private static final String OLD_TYPE = "TIMESTAMP";

    private record OldColumn(String schema, String table, String column) {
    }

    private TickDatetimeUpgrade() {
    }

    /** Converts the microsecond datetime columns of the tables in {@code schemas}; nothing to do costs one catalog query. */
    static void upgrade(Connection connection, Collection<String> schemas) throws SQLException {
        List<OldColumn> columns = oldColumns(connection, schemas);
        if (columns.isEmpty()) {
            return;
        }
        SqlTransaction.commit(connection, () -> {
            try (Statement statement = connection.createStatement()) {
                for (OldColumn column : columns) {
                    statement.execute(alter(column));
                }
            }
        });
        LOG.info("converted {} datetime columns to 100-nanosecond ticks", columns.size());
    }

    private static String alter(OldColumn column) {
        String name = SqlIdentifiers.quote(column.column());
        String first = "make_timestamp(" + ChronoUnit.MICROS.between(Instant.EPOCH, DuckDbTypes.FIRST_DATETIME) + ")";
        String last = "make_timestamp(" + ChronoUnit.MICROS.between(Instant.EPOCH, DuckDbTypes.LAST_DATETIME) + ")";
        return "ALTER TABLE " + TableDdl.relation(column.schema(), column.table()) + " ALTER COLUMN " + name + " SET DATA TYPE "
                + DuckDbTypes.sqlType(KqlType.DATETIME) + " USING CAST(least(greatest(" + name + ", " + first + "), " + last + ") AS "
                + DuckDbTypes.sqlType(KqlType.DATETIME) + ")";
    }

    /** One catalog query for all schemas: on a directory with many workspaces, a query per schema would read the catalog that often. */
    private static List<OldColumn> oldColumns(Connection connection, Collection<String> schemas) throws SQLException {
        Set<String> wanted = Set.copyOf(schemas);
        List<OldColumn> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT table_schema, table_name, column_name FROM information_schema.columns"
                + " WHERE data_type = ? ORDER BY table_schema, table_name, ordinal_position")) {
            query.setString(1, OLD_TYPE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (wanted.contains(rows.getString(1))) {
                        columns.add(new OldColumn(rows.getString(1), rows.getString(2), rows.getString(3)));
                    }
                }
            }
        }
        return columns;
    }
}
