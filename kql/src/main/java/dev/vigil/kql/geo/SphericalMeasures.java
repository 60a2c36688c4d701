package dev.vigil.kql.geo;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2;
import com.google.common.geometry.S2Loop;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Polygon;
import com.google.common.geometry.S2Polyline;
import java.util.List;

/** Distances, lengths, areas and centroids on the sphere, in meters, with geodesic edges. Null stands for invalid input. */
public final class SphericalMeasures {
    private SphericalMeasures() {
    }

    public static Double distance(Double longitude1, Double latitude1, Double longitude2, Double latitude2) {
        S2Point first = SphericalEarth.point(longitude1, latitude1);
        S2Point second = SphericalEarth.point(longitude2, latitude2);
        if (first == null || second == null) {
            return null;
        }
        return SphericalEarth.meters(new S1Angle(first, second));
    }

    /** Whether the point is at most {@code radius} meters from the center; null when the radius is not positive. */
    public static Boolean inCircle(Double longitude, Double latitude, Double centerLongitude, Double centerLatitude, Double radius) {
        Double distance = distance(longitude, latitude, centerLongitude, centerLatitude);
        if (distance == null || radius == null || !(radius > 0) || radius.isInfinite()) {
            return null;
        }
        return distance <= radius;
    }

    /** The shortest distance from the point to any of the lines. */
    public static Double distanceToLines(Double longitude, Double latitude, List<S2Polyline> lines) {
        S2Point point = SphericalEarth.point(longitude, latitude);
        if (point == null || lines == null) {
            return null;
        }
        double shortest = Double.POSITIVE_INFINITY;
        for (S2Polyline line : lines) {
            shortest = Math.min(shortest, new S1Angle(point, line.project(point)).radians());
        }
        return shortest * SphericalEarth.RADIUS_METERS;
    }

    /** The shortest distance from the point to the polygon, 0 inside it. */
    public static Double distanceToPolygon(Double longitude, Double latitude, S2Polygon polygon) {
        S2Point point = SphericalEarth.point(longitude, latitude);
        if (point == null || polygon == null) {
            return null;
        }
        return SphericalEarth.meters(polygon.getDistance(point));
    }

    public static Boolean inPolygon(Double longitude, Double latitude, S2Polygon polygon) {
        S2Point point = SphericalEarth.point(longitude, latitude);
        if (point == null || polygon == null) {
            return null;
        }
        return polygon.contains(point);
    }

    /** The total length of the lines. */
    public static Double length(List<S2Polyline> lines) {
        if (lines == null) {
            return null;
        }
        double radians = 0;
        for (S2Polyline line : lines) {
            radians += line.getArclengthAngle().radians();
        }
        return radians * SphericalEarth.RADIUS_METERS;
    }

    public static Double area(S2Polygon polygon) {
        return polygon == null ? null : polygon.getArea() * SphericalEarth.RADIUS_METERS * SphericalEarth.RADIUS_METERS;
    }

    /** The length of every ring of the polygon, holes included. */
    public static Double perimeter(S2Polygon polygon) {
        if (polygon == null) {
            return null;
        }
        double radians = 0;
        for (S2Loop loop : polygon.getLoops()) {
            for (int i = 0; i < loop.numVertices(); i++) {
                radians += loop.vertex(i).angle(loop.vertex(i + 1));
            }
        }
        return radians * SphericalEarth.RADIUS_METERS;
    }

    /** The polygon's centroid as a GeoJSON point. */
    public static String centroid(S2Polygon polygon) {
        if (polygon == null || polygon.isEmpty()) {
            return null;
        }
        return pointOf(polygon.getCentroid());
    }

    /** The centroid of the lines, each edge weighted by its length, as a GeoJSON point. */
    public static String centroid(List<S2Polyline> lines) {
        if (lines == null) {
            return null;
        }
        S2Point sum = new S2Point(0, 0, 0);
        for (S2Polyline line : lines) {
            for (int i = 0; i + 1 < line.numVertices(); i++) {
                sum = S2Point.add(sum, S2.trueCentroid(line.vertex(i), line.vertex(i + 1)));
            }
        }
        return pointOf(sum);
    }

    private static String pointOf(S2Point weightedSum) {
        if (weightedSum.norm2() == 0) {
            return null;
        }
        return GeoJsonWriter.point(S2Point.normalize(weightedSum));
    }
}
