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
    private static final double ANTIPODAL_SLACK_RADIANS = 1e-12;
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

    /**
     * The initial bearing of the geodesic from the first point to the second, clockwise from true
     * north in radians in [0, 2 pi); null when the points are the same or antipodal (no one geodesic).
     */
    public static Double azimuth(Double longitude1, Double latitude1, Double longitude2, Double latitude2) {
        S2Point from = SphericalEarth.point(longitude1, latitude1);
        S2Point to = SphericalEarth.point(longitude2, latitude2);
        // antipodes within rounding (lon 180 and -180 do not give exactly opposite points)
        if (from == null || to == null || from.equals(to) || from.angle(to) > Math.PI - ANTIPODAL_SLACK_RADIANS) {
            return null;
        }
        double latitudeFrom = Math.toRadians(latitude1);
        double latitudeTo = Math.toRadians(latitude2);
        double longitudeDelta = Math.toRadians(longitude2 - longitude1);
        double bearing = Math.atan2(Math.sin(longitudeDelta) * Math.cos(latitudeTo), Math.cos(latitudeFrom) * Math.sin(latitudeTo) - Math.sin(latitudeFrom) * Math.cos(latitudeTo) * Math.cos(longitudeDelta));
        return bearing < 0 ? bearing + 2 * Math.PI : bearing;
    }

    /** The clockwise angle at the second point from the line back to the first to the line on to the third, in [0, 2 pi). */
    public static Double angle(Double longitude1, Double latitude1, Double longitude2, Double latitude2, Double longitude3, Double latitude3) {
        Double back = azimuth(longitude2, latitude2, longitude1, latitude1);
        Double on = azimuth(longitude2, latitude2, longitude3, latitude3);
        if (back == null || on == null) {
            return null;
        }
        double angle = on - back;
        return angle < 0 ? angle + 2 * Math.PI : angle;
    }

    /** The point of the lines nearest to the given point, as a GeoJSON point. */
    public static String closestPoint(Double longitude, Double latitude, List<S2Polyline> lines) {
        S2Point point = SphericalEarth.point(longitude, latitude);
        if (point == null || lines == null) {
            return null;
        }
        S2Point closest = null;
        for (S2Polyline line : lines) {
            S2Point candidate = line.project(point);
            if (closest == null || point.angle(candidate) < point.angle(closest)) {
                closest = candidate;
            }
        }
        return GeoJsonWriter.point(closest);
    }

    /** The point of the polygon nearest to the given point (the point itself inside it), as a GeoJSON point. */
    public static String closestPoint(Double longitude, Double latitude, S2Polygon polygon) {
        S2Point point = SphericalEarth.point(longitude, latitude);
        if (point == null || polygon == null) {
            return null;
        }
        return GeoJsonWriter.point(polygon.contains(point) ? point : polygon.project(point));
    }

    /** The point at this fraction of a single line's length from its start, as a GeoJSON point. */
    public static String interpolate(List<S2Polyline> lines, Double fraction) {
        if (lines == null || lines.size() != 1 || fraction == null || !(fraction >= 0 && fraction <= 1)) {
            return null;
        }
        return GeoJsonWriter.point(lines.get(0).interpolate(fraction));
    }

    /** The fraction of a single line's length at which the point nearest to the given one lies. */
    public static Double locate(List<S2Polyline> lines, Double longitude, Double latitude) {
        S2Point point = SphericalEarth.point(longitude, latitude);
        if (point == null || lines == null || lines.size() != 1) {
            return null;
        }
        S2Polyline line = lines.get(0);
        return line.uninterpolate(line.project(point));
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
