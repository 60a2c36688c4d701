package dev.vigil.kql.geo;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Loop;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Polygon;

/**
 * Kusto's {@code geo_point_buffer}: a polygon holding every point within the radius of a point, out
 * from the circle by at most the tolerance. It is S2's regular polygon around the point, with its
 * edges' midpoints on the circle (a regular spherical polygon's inradius r and circumradius R
 * satisfy tan r = tan R cos(pi/n)) and as few vertices as keep the corners within the tolerance.
 */
public final class PointBuffer {
    private static final double SMALLEST_TOLERANCE_SHARE = 1e-6;
    private static final int MIN_VERTICES = 4;
    private static final int MAX_VERTICES = 1 << 20;

    private PointBuffer() {
    }

    /** The buffer as GeoJSON, or null for an invalid point, a radius that is not positive (or reaches a quarter of the Earth) or a tolerance below a millionth of it. */
    public static String around(Double longitude, Double latitude, Double radius, Double tolerance) {
        S2Point center = SphericalEarth.point(longitude, latitude);
        if (center == null || radius == null || tolerance == null || !(radius > 0) || !(tolerance > 0)
                || tolerance < radius * SMALLEST_TOLERANCE_SHARE) {
            return null;
        }
        double inradius = radius / SphericalEarth.RADIUS_METERS;
        if (inradius >= Math.PI / 2) {
            return null;
        }
        double allowed = Math.min(tolerance, radius) / SphericalEarth.RADIUS_METERS;
        int vertices = MIN_VERTICES;
        while (vertices < MAX_VERTICES && circumradius(inradius, vertices) - inradius > allowed) {
            vertices *= 2;
        }
        // halve back down where fewer vertices still do: the search above overshoots by up to twice
        int low = vertices / 2;
        int high = vertices;
        while (low + 1 < high) {
            int middle = (low + high) / 2;
            if (circumradius(inradius, middle) - inradius > allowed) {
                low = middle;
            } else {
                high = middle;
            }
        }
        S2Loop loop = S2Loop.makeRegularLoop(center, S1Angle.radians(circumradius(inradius, Math.max(high, MIN_VERTICES))), Math.max(high, MIN_VERTICES));
        return GeoJsonWriter.polygon(new S2Polygon(loop));
    }

    private static double circumradius(double inradius, int vertices) {
        return Math.atan(Math.tan(inradius) / Math.cos(Math.PI / vertices));
    }
}
