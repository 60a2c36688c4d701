package dev.vigil.bench;

import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.QueryResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
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
 * Each {@link BenchQuery} through Vigil (compile, run, encode the result) next to the same query
 * written by hand in DuckDB SQL, on the same database in the same run. Both sides read every
 * value of the result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QueryBenchmark {
    @Param({"1000000", "10000000"})
    public int rows;

    @Param({"SUMMARIZE_BY_BIN", "FILTER", "DCOUNT", "JOIN", "MV_EXPAND", "PARSE", "ARG_MAX_STAR"})
    public BenchQuery query;

    private BenchWorkspace workspace;
    private Connection connection;
    private String handWrittenSql;

    @Setup(Level.Trial)
    public void open() throws Exception {
        workspace = BenchWorkspace.securityAlerts(rows);
        connection = workspace.rawConnection();
        handWrittenSql = query.handWrittenSql(workspace.securityAlertRelation());
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        connection.close();
        workspace.close();
    }

    @Benchmark
    public QueryResult kql() {
        return workspace.logStore().query(BenchWorkspace.ID, QueryRequest.of(query.kql));
    }

    @Benchmark
    public long handWrittenDuckDbSql() throws SQLException {
        long checksum = 0;
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(handWrittenSql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int column = 1; column <= columns; column++) {
                    checksum += Objects.hashCode(result.getObject(column));
                }
            }
        }
        return checksum;
    }
}
