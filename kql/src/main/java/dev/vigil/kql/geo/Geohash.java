package dev.vigil.kql.geo;

import com.google.common.geometry.S2LatLng;
import java.util.ArrayList;
import java.util.List;

/**
 * The geohash encoding: longitude and latitude halved in turn (longitude first), five bits to a
 * base-32 character. Kusto takes 1 to 18 characters. A geohash is a rectangle in degrees, so its
 * polygon's edges are straight in longitude and latitude, not geodesics.
 */
public final class Geohash {
    private static final String ALPHABET = "0123456789bcdefghjkmnpqrstuvwxyz";
    public static final int MAX_LENGTH = 18;

    private final double west;
    private final double south;
    private final double east;
    private final double north;
    private final int length;

    private Geohash(double west, double south, double east, double north, int length) {
        this.west = west;
        this.south = south;
        this.east = east;
        this.north = north;
        this.length = length;
    }

    /** The geohash of {@code length} characters holding the point, or the empty string when the point or length is invalid. */
    public static String encode(Double longitude, Double latitude, Long length) {
        if (!SphericalEarth.valid(longitude, latitude) || length == null || length < 1 || length > MAX_LENGTH) {
            return "";
        }
        double[] lon = {-180, 180};
        double[] lat = {-90, 90};
        StringBuilder hash = new StringBuilder();
        boolean longitudeBit = true;
        int character = 0;
        int bits = 0;
        while (hash.length() < length) {
            double[] range = longitudeBit ? lon : lat;
            double value = longitudeBit ? longitude : latitude;
            double middle = (range[0] + range[1]) / 2;
            character <<= 1;
            if (value >= middle) {
                character |= 1;
                range[0] = middle;
            } else {
                range[1] = middle;
            }
            longitudeBit = !longitudeBit;
            if (++bits == 5) {
                hash.append(ALPHABET.charAt(character));
                character = 0;
                bits = 0;
            }
        }
        return hash.toString();
    }

    /** The rectangle of a geohash, or null when the text is not one. */
    public static Geohash decode(String hash) {
        if (hash == null || hash.isEmpty() || hash.length() > MAX_LENGTH) {
            return null;
        }
        double[] lon = {-180, 180};
        double[] lat = {-90, 90};
        boolean longitudeBit = true;
        for (int i = 0; i < hash.length(); i++) {
            int character = ALPHABET.indexOf(hash.charAt(i));
            if (character < 0) {
                return null;
            }
            for (int bit = 4; bit >= 0; bit--) {
                double[] range = longitudeBit ? lon : lat;
                double middle = (range[0] + range[1]) / 2;
                if ((character >> bit & 1) == 1) {
                    range[0] = middle;
                } else {
                    range[1] = middle;
                }
                longitudeBit = !longitudeBit;
            }
        }
        return new Geohash(lon[0], lat[0], lon[1], lat[1], hash.length());
    }

    public S2LatLng center() {
        return S2LatLng.fromDegrees((south + north) / 2, (west + east) / 2);
    }

    /** The corners counterclockwise from the south-west one. */
    public List<S2LatLng> corners() {
        return List.of(S2LatLng.fromDegrees(south, west), S2LatLng.fromDegrees(south, east), S2LatLng.fromDegrees(north, east),
                S2LatLng.fromDegrees(north, west));
    }

    /**
     * The geohashes of the same length around this one: east and west wrap around the antimeridian,
     * and there is nothing north of the north pole's row or south of the south pole's.
     */
    public List<String> neighbors() {
        double width = east - west;
        double height = north - south;
        double centerLongitude = (west + east) / 2;
        double centerLatitude = (south + north) / 2;
        List<String> neighbors = new ArrayList<>();
        for (int dy = 1; dy >= -1; dy--) {
            for (int dx = -1; dx <= 1; dx++) {
                if (dx == 0 && dy == 0) {
                    continue;
                }
                double latitude = centerLatitude + dy * height;
                if (latitude > 90 || latitude < -90) {
                    continue;
                }
                double longitude = centerLongitude + dx * width;
                if (longitude > 180) {
                    longitude -= 360;
                } else if (longitude < -180) {
                    longitude += 360;
                }
                neighbors.add(encode(longitude, latitude, (long) length));
            }
        }
        return neighbors;
    }
}
