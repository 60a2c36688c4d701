package dev.vigil.kql.geo;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2LatLng;
import com.google.common.geometry.S2Point;

/** The sphere Kusto measures on, and the coordinates it accepts (longitude in [-180, 180], latitude in [-90, 90], degrees). */
public final class SphericalEarth {
    /** S2's mean Earth radius; Kusto's documented distances come out of it to the last digit. */
    public static final double RADIUS_METERS = 6371010.0;

    private SphericalEarth() {
    }

    /** The point at these coordinates, or null when either is null, not finite or out of range. */
    public static S2Point point(Double longitude, Double latitude) {
        if (!valid(longitude, latitude)) {
            return null;
        }
        return S2LatLng.fromDegrees(latitude, longitude).toPoint();
    }

    public static boolean valid(Double longitude, Double latitude) {
        return longitude != null && latitude != null && longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90;
    }

    public static double meters(S1Angle angle) {
        return angle.radians() * RADIUS_METERS;
    }

    public static S1Angle angle(double meters) {
        return S1Angle.radians(meters / RADIUS_METERS);
    }
}
