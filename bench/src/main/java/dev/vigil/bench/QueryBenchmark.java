package dev.vigil.bench;

import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.QueryResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference query, through Vigil (compile, run, encode the result) next to the same
 * query written by hand in DuckDB SQL, on the same database in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class QueryBenchmark {
    static final String KQL = "SecurityAlert"
            + " | where ProductName == \"Azure Security Center for IoT\""
            + " | summarize count() by bin(TimeGenerated, 1h), AlertSeverity";

    @Param({"1000000", "10000000"})
    public int rows;

    private BenchWorkspace workspace;
    private Connection connection;
    private String handWrittenSql;

    @Setup(Level.Trial)
    public void open() throws Exception {
        workspace = BenchWorkspace.securityAlerts(rows);
        connection = workspace.rawConnection();
        handWrittenSql = "SELECT time_bucket(INTERVAL 1 HOUR, TimeGenerated) AS TimeGenerated, AlertSeverity, count(*) AS count_"
                + " FROM " + workspace.securityAlertRelation()
                + " WHERE ProductName = 'Azure Security Center for IoT'"
                + " GROUP BY ALL";
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        connection.close();
        workspace.close();
    }

    @Benchmark
    public QueryResult kql() {
        return workspace.logStore().query(BenchWorkspace.ID, QueryRequest.of(KQL));
    }

    @Benchmark
    public long handWrittenDuckDbSql() throws SQLException {
        long checksum = 0;
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(handWrittenSql)) {
            while (result.next()) {
                checksum += result.getTimestamp(1).getTime() + result.getString(2).length() + result.getLong(3);
            }
        }
        return checksum;
    }
}
