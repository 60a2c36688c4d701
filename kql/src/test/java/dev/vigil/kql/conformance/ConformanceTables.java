package dev.vigil.kql.conformance;

import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.StoredFunction;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.kql.sql.DuckDbTypes;
import dev.vigil.kql.sql.SqlIdentifiers;
import dev.vigil.kql.types.KqlType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The small tables every conformance case runs against, created in an in-memory DuckDB with the
 * same physical types the workspace uses. "now" for every case is {@link #NOW}.
 */
final class ConformanceTables {
    static final Instant NOW = Instant.parse("2024-03-10T12:00:00Z");
    /**
     * The hidden column every table has, as the workspace's stored tables do; Events keeps each row's
     * ingestion time two minutes after its TimeGenerated, the other tables keep none (null).
     */
    static final String INGESTION_TIME = "_IngestionTime";

    static final TableSchema EVENTS = new TableSchema("Events", List.of("Events"), List.of(
            new ColumnSchema("TimeGenerated", KqlType.DATETIME),
            new ColumnSchema("Id", KqlType.LONG),
            new ColumnSchema("Computer", KqlType.STRING),
            new ColumnSchema("Message", KqlType.STRING),
            new ColumnSchema("Level", KqlType.STRING),
            new ColumnSchema("Value", KqlType.REAL),
            new ColumnSchema("Duration", KqlType.TIMESPAN),
            new ColumnSchema("Small", KqlType.INT),
            new ColumnSchema("Flag", KqlType.BOOL),
            new ColumnSchema("Bytes", KqlType.LONG),
            new ColumnSchema("Props", KqlType.DYNAMIC)));

    // TimeGenerated, Id, Computer, Message, Level, Value, Duration (ticks), Small, Flag, Bytes, Props
    private static final List<String> EVENT_ROWS = List.of(
            "TIMESTAMP '2024-03-10 11:30:00', 1, 'web-01', 'Disk error on sda1', 'Error', 2.5, 36000000000, 7, TRUE, 100, '{\"a\":1}'",
            "TIMESTAMP '2024-03-10 10:15:00', 2, 'WEB-02', 'North America region online', 'Info', 10.0, 18000000000, -7, FALSE, NULL, '[1,2]'",
            "TIMESTAMP '2024-03-10 09:59:59', 3, 'db-01', 'disk-error: retry', 'Warning', NULL, NULL, 2, NULL, 300, NULL",
            "TIMESTAMP '2024-03-09 23:00:00', 4, 'db-02', 'Americas sync done', 'error', -1.5, 1728000000000, 0, TRUE, NULL, NULL",
            "TIMESTAMP '2024-03-04 00:00:00', 5, '', '', 'Info', 0.0, 100000000, 3, FALSE, 50, NULL",
            "TIMESTAMP '2024-03-03 23:59:59', 6, 'web-01', 'ErrorCount=3', 'Error', 100.0, 1000000, 5, TRUE, 300, NULL");

    static final TableSchema SECURITY_ALERT = new TableSchema("SecurityAlert", List.of("SecurityAlert"), List.of(
            new ColumnSchema("TimeGenerated", KqlType.DATETIME),
            new ColumnSchema("AlertName", KqlType.STRING),
            new ColumnSchema("AlertSeverity", KqlType.STRING),
            new ColumnSchema("ProductName", KqlType.STRING),
            new ColumnSchema("SystemAlertId", KqlType.STRING)));

    private static final List<String> ALERT_ROWS = List.of(
            "TIMESTAMP '2024-03-10 10:05:00', 'Unexpected open port', 'Medium', 'Azure Security Center for IoT', 'a1'",
            "TIMESTAMP '2024-03-10 10:55:00', 'Brute force', 'High', 'Azure Security Center for IoT', 'a2'",
            "TIMESTAMP '2024-03-10 10:59:59.999999', 'Unexpected open port', 'Medium', 'Azure Security Center for IoT', 'a3'",
            "TIMESTAMP '2024-03-10 11:00:00', 'Unexpected open port', 'Medium', 'Azure Security Center for IoT', 'a4'",
            "TIMESTAMP '2024-03-10 11:20:00', 'Suspicious login', 'High', 'Microsoft Defender for Endpoint', 'a5'",
            "TIMESTAMP '2024-03-10 11:30:00', 'Port scan', 'Low', 'azure security center for iot', 'a6'");

    static final TableSchema SIGNINS = new TableSchema("Signins", List.of("Signins"), List.of(
            new ColumnSchema("TimeGenerated", KqlType.DATETIME),
            new ColumnSchema("User", KqlType.STRING),
            new ColumnSchema("IPAddress", KqlType.STRING),
            new ColumnSchema("Location", KqlType.DYNAMIC),
            new ColumnSchema("Device", KqlType.DYNAMIC),
            new ColumnSchema("Raw", KqlType.STRING),
            new ColumnSchema("Tags", KqlType.DYNAMIC),
            new ColumnSchema("ResultType", KqlType.STRING),
            new ColumnSchema("Risk", KqlType.LONG)));

    // TimeGenerated, User, IPAddress, Location, Device, Raw (JSON in a string), Tags, ResultType, Risk
    private static final List<String> SIGNIN_ROWS = List.of(
            "TIMESTAMP '2024-03-10 08:00:00', 'alice@contoso.com', '10.1.2.3', "
                    + "'{\"city\":\"Paris\",\"country\":\"FR\",\"geo\":{\"lat\":48.85,\"lon\":2.35}}', "
                    + "'{\"os\":\"Windows 10\",\"browser\":\"Edge 120\",\"compliant\":true}', "
                    + "'{\"user\":\"alice\",\"roles\":[\"admin\",\"reader\"],\"count\":3}', '[\"a\",\"b\",\"c\"]', '0', 10",
            "TIMESTAMP '2024-03-10 09:30:00', 'bob@contoso.com', '192.168.1.20', '{\"city\":\"Berlin\",\"country\":\"DE\"}', "
                    + "'{\"os\":\"iOS 17\",\"browser\":\"Safari\",\"compliant\":false}', "
                    + "'{\"user\":\"bob\",\"roles\":[],\"count\":\"7\"}', '[]', '50126', 70",
            "TIMESTAMP '2024-03-10 10:00:00', 'carol@fabrikam.com', '8.8.8.8', '{\"city\":\"\",\"country\":\"US\"}', '{}', "
                    + "'not json', '[\"x\"]', '50074', NULL",
            "TIMESTAMP '2024-03-10 11:00:00', 'alice@contoso.com', '2001:db8::1', NULL, NULL, '', NULL, '0', 0");


    /** Functions stored in the workspace, as Sentinel parsers are. */
    static final List<StoredFunction> FUNCTIONS = List.of(
            new StoredFunction("IoTAlerts", "", "SecurityAlert | where ProductName =~ \"Azure Security Center for IoT\""),
            new StoredFunction("AlertsOfSeverity", "(severity:string = \"High\")",
                    "let wanted = severity;\nSecurityAlert | where AlertSeverity == wanted"),
            new StoredFunction("Twice", "(x:long)", "x * 2"),
            new StoredFunction("Broken", "", "SecurityAlert | where"));

    static final Catalog CATALOG = Catalog.of(List.of(EVENTS, SECURITY_ALERT, SIGNINS), FUNCTIONS);

    private ConformanceTables() {
    }

    static void create(Connection connection) throws SQLException {
        create(connection, EVENTS, EVENT_ROWS);
        create(connection, SECURITY_ALERT, ALERT_ROWS);
        create(connection, SIGNINS, SIGNIN_ROWS);
    }

    private static void create(Connection connection, TableSchema table, List<String> rows) throws SQLException {
        String name = SqlIdentifiers.quote(table.sqlPath().get(0));
        String columns = table.columns().stream()
                .map(c -> SqlIdentifiers.quote(c.name()) + " " + DuckDbTypes.sqlType(c.type()))
                .collect(Collectors.joining(", "));
        String names = table.columns().stream().map(c -> SqlIdentifiers.quote(c.name())).collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + name + " (" + columns + ", " + SqlIdentifiers.quote(INGESTION_TIME) + " TIMESTAMP_NS)");
            for (String row : rows) {
                statement.execute("INSERT INTO " + name + " (" + names + ") VALUES (" + row + ")");
            }
            if (table == EVENTS) {
                statement.execute("UPDATE " + name + " SET " + SqlIdentifiers.quote(INGESTION_TIME) + " = \"TimeGenerated\" + INTERVAL 2 MINUTE");
            }
        }
    }
}
