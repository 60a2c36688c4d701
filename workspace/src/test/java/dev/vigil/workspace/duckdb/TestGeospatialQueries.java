package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.TableDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The geospatial functions, which DuckDB runs as Java code, through the query API on the real store. */
class TestGeospatialQueries {
    private static final String PARIS = "{\"type\":\"Polygon\",\"coordinates\":[[[2.22,48.81],[2.47,48.81],[2.47,48.91],[2.22,48.91],[2.22,48.81]]]}";

    @RegisterExtension
    final SmallStorage storage = SmallStorage.perTest().withWorkspace("default");

    @Test
    void testGeoFunctionsFilterAndGroupIngestedRows() throws Exception {
        storage.logs().createCustomTable("default", new TableDefinition("Sightings_CL",
                List.of(new ColumnSchema("Place", KqlType.STRING), new ColumnSchema("Lon", KqlType.REAL), new ColumnSchema("Lat", KqlType.REAL))));
        storage.logs().ingest("default", "Sightings_CL", List.of(
                Map.of("Place", "Louvre", "Lon", 2.3376, "Lat", 48.8606),
                Map.of("Place", "Eiffel Tower", "Lon", 2.2945, "Lat", 48.8584),
                Map.of("Place", "Versailles", "Lon", 2.1204, "Lat", 48.8049),
                Map.of("Place", "Nowhere", "Lon", 500, "Lat", 0))).get(10, TimeUnit.SECONDS);

        List<List<Object>> inParis = storage.logs().query("default", QueryRequest.of(
                "Sightings_CL | where geo_point_in_polygon(Lon, Lat, dynamic(" + PARIS + ")) | order by Place asc | project Place")).primary().rows();
        List<List<Object>> cells = storage.logs().query("default", QueryRequest.of(
                "Sightings_CL | summarize n = count() by cell = geo_point_to_s2cell(Lon, Lat, 5) | order by n desc, cell asc")).primary().rows();
        List<List<Object>> distances = storage.logs().query("default", QueryRequest.of(
                "Sightings_CL | extend km = geo_distance_2points(Lon, Lat, 2.3376, 48.8606) / 1000 | order by Place asc | project Place, km")).primary().rows();

        assertThat(inParis).containsExactly(List.of("Eiffel Tower"), List.of("Louvre"));
        // a level-5 cell is some 250 km across: the three places share one; the invalid point has none
        assertThat(cells).hasSize(2);
        assertThat(cells.get(0).get(1)).isEqualTo(3L);
        assertThat(cells.get(1)).containsExactly("", 1L);
        assertThat(distances).extracting(row -> row.get(0)).containsExactly("Eiffel Tower", "Louvre", "Nowhere", "Versailles");
        assertThat((Double) distances.get(0).get(1)).isBetween(3.0, 3.5);
        assertThat(distances.get(1).get(1)).isEqualTo(0.0);
        assertThat(distances.get(2).get(1)).isNull();
        assertThat((Double) distances.get(3).get(1)).isBetween(16.0, 17.5);
    }

    @Test
    void testGeoFunctionsGiveTheSameAnswerOnEveryWorkerThread() {
        // enough rows that DuckDB splits the scan over its threads, each calling into the Java function
        List<List<Object>> rows = storage.logs().query("default", QueryRequest.of(
                "range i from 1 to 400000 step 1 | extend d = geo_distance_2points(0, 0, 0, i / 40000.0) "
                        + "| summarize inside = countif(geo_point_in_circle(0, i / 40000.0, 0, 0, 555975.506)), longest = round(max(d), 3)"))
                .primary().rows();

        // latitude i/40000 degrees lies within 5 degrees (555975.506 m) for i up to 200000; 10 degrees is 1111951.012 m
        assertThat(rows).containsExactly(List.of(200000L, 1111951.012));
    }

    @Test
    void testGeoFunctionsAreThereAfterTheStoreIsReopened(@TempDir Path data) {
        try (DuckDbStorage first = SmallStorage.open(data)) {
            first.logStore().createWorkspace("default");
            assertThat(first.logStore().query("default", QueryRequest.of("print geo_point_to_geohash(-5.6, 42.6)")).primary().rows())
                    .containsExactly(List.of("ezs42"));
        }
        try (DuckDbStorage second = SmallStorage.open(data)) {
            assertThat(second.logStore().query("default", QueryRequest.of("print geo_h3cell_level(geo_point_to_h3cell(1, 2, 7))")).primary().rows())
                    .containsExactly(List.of(7));
        }
    }
}
