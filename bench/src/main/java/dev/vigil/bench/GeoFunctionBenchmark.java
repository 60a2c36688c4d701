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
 * The cost of the geospatial functions, which DuckDB runs as Java code, against the nearest
 * DuckDB built-in, over one table of random points in one run: geo_distance_2points against the
 * haversine formula written in DuckDB SQL (same sphere), and geo_point_in_polygon against a
 * bounding-box test in SQL (DuckDB has no polygon test without its spatial extension, which a
 * sandboxed store cannot load). The KQL cases run the whole query path (compile, run, encode)
 * over rows that {@code range} makes, with the same formula written in KQL as the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GeoFunctionBenchmark {
    private static final double RADIUS = 6371010.0;
    private static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[-10,35],[30,35],[40,55],[10,70],[-12,58],[-10,35]]]}";
    private static final String HAVERSINE = "2 * " + RADIUS + " * asin(sqrt(pow(sin(radians(lat - 48.85) / 2), 2) "
            + "+ cos(radians(lat)) * cos(radians(48.85)) * pow(sin(radians(lon - 2.35) / 2), 2)))";

    @Param({"1000000"})
    public int rows;

    private BenchWorkspace workspace;
    private Connection connection;

    @Setup(Level.Trial)
    public void open() throws Exception {
        workspace = BenchWorkspace.empty("geo");
        connection = workspace.rawConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE points AS SELECT random() * 360 - 180 AS lon, random() * 180 - 90 AS lat FROM range(" + rows + ")");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        connection.close();
        workspace.close();
    }

    @Benchmark
    public double distanceHaversineSql() throws SQLException {
        return single("SELECT sum(" + HAVERSINE + ") FROM points");
    }

    @Benchmark
    public double distanceGeoFunction() throws SQLException {
        return single("SELECT sum(vigil_geo_distance_2points(lon, lat, 2.35, 48.85)) FROM points");
    }

    @Benchmark
    public double inPolygonBoundingBoxSql() throws SQLException {
        return single("SELECT count(*) FROM points WHERE lon BETWEEN -12 AND 40 AND lat BETWEEN 35 AND 70");
    }

    @Benchmark
    public double inPolygonGeoFunction() throws SQLException {
        return single("SELECT count(*) FROM points WHERE vigil_geo_point_in_polygon(lon, lat, '" + POLYGON + "')");
    }

    @Benchmark
    public double pointToS2CellGeoFunction() throws SQLException {
        return single("SELECT count(DISTINCT vigil_geo_point_to_s2cell(lon, lat, 8)) FROM points");
    }

    @Benchmark
    public QueryResult distanceKql() {
        return workspace.logStore().query(BenchWorkspace.ID, QueryRequest.of(points() + "| summarize sum(geo_distance_2points(lon, lat, 2.35, 48.85))"));
    }

    @Benchmark
    public QueryResult distanceHaversineKql() {
        return workspace.logStore().query(BenchWorkspace.ID, QueryRequest.of(points()
                + "| summarize sum(2 * 6371010.0 * asin(sqrt(pow(sin(radians(lat - 48.85) / 2), 2) "
                + "+ cos(radians(lat)) * cos(radians(48.85)) * pow(sin(radians(lon - 2.35) / 2), 2))))"));
    }

    private String points() {
        return "range i from 1 to " + rows + " step 1 | extend lon = (i % 3600) / 10.0 - 180, lat = (i % 1799) / 10.0 - 89.9 ";
    }

    private double single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getDouble(1);
        }
    }
}
