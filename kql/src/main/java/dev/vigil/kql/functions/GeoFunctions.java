package dev.vigil.kql.functions;

import dev.vigil.kql.geo.Densification;
import dev.vigil.kql.geo.GeoJsonReader;
import dev.vigil.kql.geo.GeoJsonWriter;
import dev.vigil.kql.geo.Geohash;
import dev.vigil.kql.geo.H3Cells;
import dev.vigil.kql.geo.PointBuffer;
import dev.vigil.kql.geo.S2Cells;
import dev.vigil.kql.geo.ShapeOperations;
import dev.vigil.kql.geo.SphericalMeasures;
import dev.vigil.kql.geo.WktReader;
import dev.vigil.kql.types.KqlType;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2Polygon;
import com.google.common.geometry.S2Polyline;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Kusto's geospatial functions ({@code geo_*}), each a Java function the engine runs (see
 * {@link JavaScalar}) over the code of {@link dev.vigil.kql.geo}. A dynamic argument reaches it as
 * JSON text and a dynamic result leaves it as JSON text; optional trailing parameters take Kusto's
 * defaults in the SQL, so that the engine sees one function of fixed arity per name.
 */
final class GeoFunctions {
    private static final KqlType REAL = KqlType.REAL;
    private static final KqlType LONG = KqlType.LONG;
    private static final KqlType STRING = KqlType.STRING;
    private static final KqlType BOOL = KqlType.BOOL;
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;
    private static final String DEFAULT_TOLERANCE_METERS = "10.0";

    private static final List<JavaScalar> ALL = List.of(
            geo("geo_distance_2points", REAL, List.of(REAL, REAL, REAL, REAL), List.of(),
                    a -> SphericalMeasures.distance(real(a, 0), real(a, 1), real(a, 2), real(a, 3))),
            geo("geo_point_in_circle", BOOL, List.of(REAL, REAL, REAL, REAL, REAL), List.of(),
                    a -> SphericalMeasures.inCircle(real(a, 0), real(a, 1), real(a, 2), real(a, 3), real(a, 4))),
            geo("geo_point_in_polygon", BOOL, List.of(REAL, REAL, DYNAMIC), List.of(),
                    a -> SphericalMeasures.inPolygon(real(a, 0), real(a, 1), polygon(a, 2))),
            geo("geo_distance_point_to_line", REAL, List.of(REAL, REAL, DYNAMIC), List.of(),
                    a -> SphericalMeasures.distanceToLines(real(a, 0), real(a, 1), lines(a, 2))),
            geo("geo_distance_point_to_polygon", REAL, List.of(REAL, REAL, DYNAMIC), List.of(),
                    a -> SphericalMeasures.distanceToPolygon(real(a, 0), real(a, 1), polygon(a, 2))),
            geo("geo_line_length", REAL, List.of(DYNAMIC), List.of(), a -> SphericalMeasures.length(lines(a, 0))),
            geo("geo_line_centroid", DYNAMIC, List.of(DYNAMIC), List.of(), a -> SphericalMeasures.centroid(lines(a, 0))),
            geo("geo_polygon_area", REAL, List.of(DYNAMIC), List.of(), a -> SphericalMeasures.area(polygon(a, 0))),
            geo("geo_polygon_perimeter", REAL, List.of(DYNAMIC), List.of(), a -> SphericalMeasures.perimeter(polygon(a, 0))),
            geo("geo_polygon_centroid", DYNAMIC, List.of(DYNAMIC), List.of(), a -> SphericalMeasures.centroid(polygon(a, 0))),
            geo("geo_intersects_2lines", BOOL, List.of(DYNAMIC, DYNAMIC), List.of(), a -> ShapeOperations.linesIntersect(lines(a, 0), lines(a, 1))),
            geo("geo_intersects_2polygons", BOOL, List.of(DYNAMIC, DYNAMIC), List.of(),
                    a -> ShapeOperations.polygonsIntersect(polygon(a, 0), polygon(a, 1))),
            geo("geo_intersects_line_with_polygon", BOOL, List.of(DYNAMIC, DYNAMIC), List.of(),
                    a -> ShapeOperations.lineIntersectsPolygon(lines(a, 0), polygon(a, 1))),
            geo("geo_intersection_2polygons", DYNAMIC, List.of(DYNAMIC, DYNAMIC), List.of(),
                    a -> ShapeOperations.intersection(polygon(a, 0), polygon(a, 1))),
            geo("geo_intersection_line_with_polygon", DYNAMIC, List.of(DYNAMIC, DYNAMIC), List.of(),
                    a -> ShapeOperations.intersection(lines(a, 0), polygon(a, 1))),
            geo("geo_intersection_2lines", DYNAMIC, List.of(DYNAMIC, DYNAMIC), List.of(),
                    a -> ShapeOperations.crossings(lines(a, 0), lines(a, 1)))
                    .deviating("lines that run along each other give the ends of the shared stretch, not the stretch"),
            geo("geo_union_lines_array", DYNAMIC, List.of(DYNAMIC), List.of(),
                    a -> ShapeOperations.unionOfLines(GeoJsonReader.linesOfArray(string(a, 0))))
                    .deviating("overlapping lines are not merged"),
            geo("geo_union_polygons_array", DYNAMIC, List.of(DYNAMIC), List.of(), a -> ShapeOperations.union(GeoJsonReader.polygons(string(a, 0)))),
            geo("geo_polygon_simplify", DYNAMIC, List.of(DYNAMIC, REAL), List.of(DEFAULT_TOLERANCE_METERS),
                    a -> ShapeOperations.simplify(polygon(a, 0), real(a, 1))),
            geo("geo_simplify_polygons_array", DYNAMIC, List.of(DYNAMIC, REAL), List.of(DEFAULT_TOLERANCE_METERS),
                    a -> ShapeOperations.simplifyUnion(GeoJsonReader.polygons(string(a, 0)), real(a, 1))),
            geo("geo_line_simplify", DYNAMIC, List.of(DYNAMIC, REAL), List.of(DEFAULT_TOLERANCE_METERS),
                    a -> ShapeOperations.simplify(lines(a, 0), real(a, 1))),
            geo("geo_polygon_to_s2cells", DYNAMIC, List.of(DYNAMIC, LONG), List.of("11"), a -> {
                S2Polygon polygon = polygon(a, 0);
                return polygon == null ? null : strings(S2Cells.covering(polygon, polygon.getArea(), integer(a, 1)));
            }),
            geo("geo_line_to_s2cells", DYNAMIC, List.of(DYNAMIC, LONG, REAL), List.of("11", "0.0"),
                    a -> strings(S2Cells.covering(lines(a, 0), integer(a, 1), real(a, 2))))
                    .deviating("with a radius, the covering may hold some cells beyond it"),
            geo("geo_point_buffer", DYNAMIC, List.of(REAL, REAL, REAL, REAL), List.of(DEFAULT_TOLERANCE_METERS),
                    a -> PointBuffer.around(real(a, 0), real(a, 1), real(a, 2), real(a, 3)))
                    .deviating("null for a radius of a quarter of the Earth's circumference or more"),
            geo("geo_line_densify", DYNAMIC, List.of(DYNAMIC, REAL, BOOL), List.of(DEFAULT_TOLERANCE_METERS, "false"),
                    a -> Densification.lines(string(a, 0), real(a, 1), (Boolean) a[2])),
            geo("geo_polygon_densify", DYNAMIC, List.of(DYNAMIC, REAL, BOOL), List.of(DEFAULT_TOLERANCE_METERS, "false"),
                    a -> Densification.polygon(string(a, 0), real(a, 1), (Boolean) a[2])),
            geo("geo_azimuth", REAL, List.of(REAL, REAL, REAL, REAL), List.of(),
                    a -> SphericalMeasures.azimuth(real(a, 0), real(a, 1), real(a, 2), real(a, 3))),
            geo("geo_angle", REAL, List.of(REAL, REAL, REAL, REAL, REAL, REAL), List.of(),
                    a -> SphericalMeasures.angle(real(a, 0), real(a, 1), real(a, 2), real(a, 3), real(a, 4), real(a, 5))),
            geo("geo_closest_point_on_line", DYNAMIC, List.of(REAL, REAL, DYNAMIC), List.of(),
                    a -> SphericalMeasures.closestPoint(real(a, 0), real(a, 1), lines(a, 2))),
            geo("geo_closest_point_on_polygon", DYNAMIC, List.of(REAL, REAL, DYNAMIC), List.of(),
                    a -> SphericalMeasures.closestPoint(real(a, 0), real(a, 1), polygon(a, 2))),
            geo("geo_line_interpolate_point", DYNAMIC, List.of(DYNAMIC, REAL), List.of(),
                    a -> SphericalMeasures.interpolate(lines(a, 0), real(a, 1))),
            geo("geo_line_locate_point", REAL, List.of(DYNAMIC, REAL, REAL), List.of(),
                    a -> SphericalMeasures.locate(lines(a, 0), real(a, 1), real(a, 2))),
            geo("geo_from_wkt", DYNAMIC, List.of(STRING), List.of(), a -> WktReader.toGeoJson(string(a, 0))),
            geo("geo_polygon_to_h3cells", DYNAMIC, List.of(DYNAMIC, LONG, REAL), List.of("6", "0.0"), a -> {
                List<List<List<double[]>>> polygons = GeoJsonReader.polygonRings(string(a, 0));
                Double radius = real(a, 2);
                if (polygons == null || radius == null || radius != 0) {
                    return null;
                }
                double area = SphericalMeasures.area(polygon(a, 0));
                java.util.Set<String> cells = new java.util.LinkedHashSet<>();
                for (List<List<double[]>> rings : polygons) {
                    List<String> covering = H3Cells.covering(rings, area, integer(a, 1));
                    if (covering == null) {
                        return null;
                    }
                    cells.addAll(covering);
                }
                return cells.size() > H3Cells.MAX_COVERING ? null : strings(List.copyOf(cells));
            }).deviating("a buffer radius other than 0 gives null; cells in H3's order"),
            geo("geo_point_to_s2cell", STRING, List.of(REAL, REAL, LONG), List.of("11"), a -> S2Cells.token(real(a, 0), real(a, 1), integer(a, 2))),
            geo("geo_s2cell_to_central_point", DYNAMIC, List.of(STRING), List.of(), s2Cell(cell -> GeoJsonWriter.point(S2Cells.center(cell)))),
            geo("geo_s2cell_to_polygon", DYNAMIC, List.of(STRING), List.of(), s2Cell(cell -> GeoJsonWriter.ring(S2Cells.corners(cell)))),
            geo("geo_s2cell_neighbors", DYNAMIC, List.of(STRING), List.of(), s2Cell(cell -> strings(S2Cells.neighbors(cell))))
                    .deviating("neighbors in S2's order"),
            geo("geo_point_to_h3cell", STRING, List.of(REAL, REAL, LONG), List.of("6"), a -> H3Cells.address(real(a, 0), real(a, 1), integer(a, 2))),
            geo("geo_h3cell_to_central_point", DYNAMIC, List.of(STRING), List.of(), h3Cell((cell, a) -> GeoJsonWriter.point(H3Cells.center(cell)))),
            geo("geo_h3cell_to_polygon", DYNAMIC, List.of(STRING), List.of(), h3Cell((cell, a) -> GeoJsonWriter.ring(H3Cells.corners(cell)))),
            geo("geo_h3cell_level", KqlType.INT, List.of(STRING), List.of(), h3Cell((cell, a) -> H3Cells.resolution(cell))),
            geo("geo_h3cell_parent", STRING, List.of(STRING, LONG), List.of("-1"),
                    h3Cell((cell, a) -> H3Cells.parent(cell, resolution(cell, integer(a, 1), -1)))),
            geo("geo_h3cell_children", DYNAMIC, List.of(STRING, LONG), List.of("-1"),
                    h3Cell((cell, a) -> strings(H3Cells.children(cell, resolution(cell, integer(a, 1), +1))))),
            geo("geo_h3cell_neighbors", DYNAMIC, List.of(STRING), List.of(), h3Cell((cell, a) -> strings(H3Cells.neighbors(cell)))),
            geo("geo_h3cell_rings", DYNAMIC, List.of(STRING, LONG), List.of(), h3Cell((cell, a) -> {
                List<List<String>> rings = H3Cells.rings(cell, integer(a, 1));
                if (rings == null) {
                    return null;
                }
                List<String> arrays = new ArrayList<>();
                for (List<String> ring : rings) {
                    arrays.add(GeoJsonWriter.strings(ring));
                }
                return "[" + String.join(",", arrays) + "]";
            })),
            geo("geo_point_to_geohash", STRING, List.of(REAL, REAL, LONG), List.of("5"), a -> Geohash.encode(real(a, 0), real(a, 1), integer(a, 2))),
            geo("geo_geohash_to_central_point", DYNAMIC, List.of(STRING), List.of(), geohash(hash -> GeoJsonWriter.point(hash.center()))),
            geo("geo_geohash_to_polygon", DYNAMIC, List.of(STRING), List.of(), geohash(hash -> GeoJsonWriter.ring(hash.corners()))),
            geo("geo_geohash_neighbors", DYNAMIC, List.of(STRING), List.of(), geohash(hash -> strings(hash.neighbors())))
                    .deviating("neighbors from north-west to south-east, row by row"));

    private GeoFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return ALL.stream().map(JavaScalar::declaration).toList();
    }

    static List<JavaFunction> javaFunctions() {
        return ALL.stream().map(JavaScalar::function).toList();
    }

    /**
     * S2 and H3 refuse some degenerate shapes and cells by throwing; Kusto gives null for invalid geo input,
     * string results included, so the body answers null itself before {@link JavaScalar}'s empty string could.
     */
    private static JavaScalar geo(String name, KqlType result, List<KqlType> parameters, List<String> defaults, JavaFunction.Body body) {
        JavaFunction.Body nullWhenRefused = arguments -> {
            try {
                return body.apply(arguments);
            } catch (RuntimeException e) {
                return null;
            }
        };
        return new JavaScalar(name, result, parameters, defaults, nullWhenRefused, "");
    }

    /** A body over the first argument as an S2 cell token: null when it names no cell. */
    private static JavaFunction.Body s2Cell(Function<S2CellId, Object> body) {
        return a -> {
            S2CellId cell = S2Cells.cell(string(a, 0));
            return cell == null ? null : body.apply(cell);
        };
    }

    /** A body over the first argument as an H3 cell (and the arguments for the rest): null when it is not a valid cell. */
    private static JavaFunction.Body h3Cell(BiFunction<String, Object[], Object> body) {
        return a -> {
            String cell = string(a, 0);
            return H3Cells.valid(cell) ? body.apply(cell, a) : null;
        };
    }

    /** A body over the first argument as a geohash: null when it is not one. */
    private static JavaFunction.Body geohash(Function<Geohash, Object> body) {
        return a -> {
            Geohash hash = Geohash.decode(string(a, 0));
            return hash == null ? null : body.apply(hash);
        };
    }

    /** The resolution asked of an H3 parent or children call: -1 (the default) means the cell's own, one {@code step} away. */
    private static Long resolution(String cell, Long asked, int step) {
        return asked != null && asked == -1 ? (long) H3Cells.resolution(cell) + step : asked;
    }

    private static Double real(Object[] arguments, int index) {
        return (Double) arguments[index];
    }

    private static Long integer(Object[] arguments, int index) {
        return (Long) arguments[index];
    }

    private static String string(Object[] arguments, int index) {
        return (String) arguments[index];
    }

    private static S2Polygon polygon(Object[] arguments, int index) {
        return GeoJsonReader.polygon(string(arguments, index));
    }

    private static List<S2Polyline> lines(Object[] arguments, int index) {
        return GeoJsonReader.lines(string(arguments, index));
    }

    private static String strings(List<String> values) {
        return values == null ? null : GeoJsonWriter.strings(values);
    }
}
