package dev.vigil.kql.geo;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2EdgeUtil;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Polygon;
import com.google.common.geometry.S2Polyline;
import java.util.ArrayList;
import java.util.List;

/** Relations between shapes, their intersections and unions, and simplification, on the sphere. Null stands for invalid input. */
public final class ShapeOperations {
    /** Points closer than this (about 0.6 mm on the Earth) are one point. */
    private static final double SAME_POINT_RADIANS = 1e-10;
    private ShapeOperations() {
    }

    public static Boolean linesIntersect(List<S2Polyline> first, List<S2Polyline> second) {
        if (first == null || second == null) {
            return null;
        }
        for (S2Polyline a : first) {
            for (S2Polyline b : second) {
                if (a.intersects(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static Boolean polygonsIntersect(S2Polygon first, S2Polygon second) {
        if (first == null || second == null) {
            return null;
        }
        return first.intersects(second);
    }

    /** Whether some part of a line lies in the polygon or crosses its boundary. */
    public static Boolean lineIntersectsPolygon(List<S2Polyline> lines, S2Polygon polygon) {
        if (lines == null || polygon == null) {
            return null;
        }
        for (S2Polyline line : lines) {
            if (line.vertices().stream().anyMatch(polygon::contains) || !polygon.intersectWithPolyline(line).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The polygons' intersection as GeoJSON: a Polygon, a MultiPolygon, or an empty GeometryCollection. */
    public static String intersection(S2Polygon first, S2Polygon second) {
        if (first == null || second == null) {
            return null;
        }
        S2Polygon intersection = new S2Polygon();
        intersection.initToIntersection(first, second);
        return GeoJsonWriter.polygon(intersection);
    }

    /** The parts of the lines inside the polygon as GeoJSON: a LineString, a MultiLineString, or an empty GeometryCollection. */
    public static String intersection(List<S2Polyline> lines, S2Polygon polygon) {
        if (lines == null || polygon == null) {
            return null;
        }
        List<S2Polyline> inside = new ArrayList<>();
        for (S2Polyline line : lines) {
            inside.addAll(polygon.intersectWithPolyline(line));
        }
        return GeoJsonWriter.lines(inside);
    }

    /**
     * The points where the lines cross or touch, as GeoJSON: a Point, a MultiPoint, or an empty
     * GeometryCollection. Where the lines run along each other, only the ends of the shared stretch
     * are found (Kusto gives the stretch as a line).
     */
    public static String crossings(List<S2Polyline> first, List<S2Polyline> second) {
        if (first == null || second == null) {
            return null;
        }
        List<S2Point> points = new ArrayList<>();
        for (S2Polyline a : first) {
            for (S2Polyline b : second) {
                for (int i = 0; i + 1 < a.numVertices(); i++) {
                    for (int j = 0; j + 1 < b.numVertices(); j++) {
                        if (S2EdgeUtil.robustCrossing(a.vertex(i), a.vertex(i + 1), b.vertex(j), b.vertex(j + 1)) > 0) {
                            add(points, S2EdgeUtil.getIntersection(a.vertex(i), a.vertex(i + 1), b.vertex(j), b.vertex(j + 1)));
                        }
                    }
                }
                touching(a, b, points);
                touching(b, a, points);
            }
        }
        if (points.isEmpty()) {
            return GeoJsonWriter.EMPTY_COLLECTION;
        }
        return points.size() == 1 ? GeoJsonWriter.point(points.get(0)) : GeoJsonWriter.points(points);
    }

    /** Adds each vertex of {@code line} that lies on {@code other}. */
    private static void touching(S2Polyline line, S2Polyline other, List<S2Point> points) {
        for (S2Point vertex : line.vertices()) {
            if (vertex.angle(other.project(vertex)) <= SAME_POINT_RADIANS) {
                add(points, vertex);
            }
        }
    }

    private static void add(List<S2Point> points, S2Point point) {
        for (S2Point known : points) {
            if (known.angle(point) <= SAME_POINT_RADIANS) {
                return;
            }
        }
        points.add(point);
    }

    /** The lines of an array together, as one LineString or a MultiLineString; a line given twice counts once. */
    public static String unionOfLines(List<S2Polyline> lines) {
        if (lines == null || lines.isEmpty()) {
            return null;
        }
        return GeoJsonWriter.lines(new ArrayList<>(new java.util.LinkedHashSet<>(lines)));
    }

    /** The union of the polygons as GeoJSON. */
    public static String union(List<S2Polygon> polygons) {
        if (polygons == null || polygons.isEmpty()) {
            return null;
        }
        return GeoJsonWriter.polygon(S2Polygon.union(polygons));
    }

    /** The polygon with vertices dropped while it stays within {@code tolerance} meters of the original. */
    public static String simplify(S2Polygon polygon, Double tolerance) {
        if (polygon == null || !validTolerance(tolerance)) {
            return null;
        }
        S2Polygon simplified = new S2Polygon();
        simplified.initToSimplified(polygon, SphericalEarth.angle(tolerance), false);
        return GeoJsonWriter.polygon(simplified);
    }

    /** The union of the polygons, simplified as {@link #simplify(S2Polygon, Double)} does. */
    public static String simplifyUnion(List<S2Polygon> polygons, Double tolerance) {
        if (polygons == null || polygons.isEmpty()) {
            return null;
        }
        return simplify(S2Polygon.union(polygons), tolerance);
    }

    /** The lines with vertices dropped while each stays within {@code tolerance} meters of the original. */
    public static String simplify(List<S2Polyline> lines, Double tolerance) {
        if (lines == null || !validTolerance(tolerance)) {
            return null;
        }
        S1Angle angle = SphericalEarth.angle(tolerance);
        List<S2Polyline> simplified = new ArrayList<>();
        for (S2Polyline line : lines) {
            simplified.add(line.subsampleVertices(angle));
        }
        return GeoJsonWriter.lines(simplified);
    }

    private static boolean validTolerance(Double tolerance) {
        return tolerance != null && tolerance >= 0 && !tolerance.isInfinite();
    }
}
