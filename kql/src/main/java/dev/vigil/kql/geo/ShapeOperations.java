package dev.vigil.kql.geo;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Polygon;
import com.google.common.geometry.S2Polyline;
import java.util.ArrayList;
import java.util.List;

/** Relations between shapes, their intersections and unions, and simplification, on the sphere. Null stands for invalid input. */
public final class ShapeOperations {
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
