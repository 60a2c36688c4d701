package dev.vigil.kql.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.geometry.S2EdgeUtil;
import com.google.common.geometry.S2LatLng;
import com.google.common.geometry.S2Point;
import java.util.ArrayList;
import java.util.List;

/**
 * Kusto's {@code geo_line_densify} and {@code geo_polygon_densify}: GeoJSON means an edge to be a
 * straight line in longitude and latitude, Kusto a geodesic; densifying adds points along the
 * straight edge (halving it) until the geodesics between them stay within the tolerance of it.
 */
public final class Densification {
    public static final double MIN_TOLERANCE_METERS = 0.1;
    public static final double MAX_TOLERANCE_METERS = 10000;
    private static final int MAX_POINTS = 10_485_760;
    private static final int MAX_HALVINGS = 30;

    private Densification() {
    }

    /** The densified LineString or MultiLineString, or null for an invalid line, tolerance or a result past the size limit. */
    public static String lines(String text, Double tolerance, Boolean preserveCrossing) {
        if (GeoJsonReader.lines(text) == null || !validTolerance(tolerance) || preserveCrossing == null) {
            return null;
        }
        JsonNode node = GeoJsonReader.tree(text);
        boolean single = "LineString".equals(node.path("type").asText());
        List<JsonNode> lines = new ArrayList<>();
        if (single) {
            lines.add(node.get("coordinates"));
        } else {
            node.get("coordinates").forEach(lines::add);
        }
        Densifier densifier = new Densifier(tolerance / SphericalEarth.RADIUS_METERS, preserveCrossing);
        List<List<double[]>> densified = new ArrayList<>();
        for (JsonNode line : lines) {
            densified.add(densifier.chain(line));
        }
        if (densifier.overLimit()) {
            return null;
        }
        return single ? "{\"type\":\"LineString\",\"coordinates\":" + chain(densified.get(0)) + "}"
                : "{\"type\":\"MultiLineString\",\"coordinates\":" + chains(densified) + "}";
    }

    /** The densified Polygon or MultiPolygon, every ring's edges (the closing one too), or null as {@link #lines} gives it. */
    public static String polygon(String text, Double tolerance, Boolean preserveCrossing) {
        if (GeoJsonReader.polygon(text) == null || !validTolerance(tolerance) || preserveCrossing == null) {
            return null;
        }
        JsonNode node = GeoJsonReader.tree(text);
        boolean single = "Polygon".equals(node.path("type").asText());
        List<JsonNode> polygons = new ArrayList<>();
        if (single) {
            polygons.add(node.get("coordinates"));
        } else {
            node.get("coordinates").forEach(polygons::add);
        }
        Densifier densifier = new Densifier(tolerance / SphericalEarth.RADIUS_METERS, preserveCrossing);
        List<String> written = new ArrayList<>();
        for (JsonNode rings : polygons) {
            List<List<double[]>> densified = new ArrayList<>();
            for (JsonNode ring : rings) {
                densified.add(densifier.chain(ring));
            }
            written.add(chains(densified));
        }
        if (densifier.overLimit()) {
            return null;
        }
        return single ? "{\"type\":\"Polygon\",\"coordinates\":" + written.get(0) + "}"
                : "{\"type\":\"MultiPolygon\",\"coordinates\":[" + String.join(",", written) + "]}";
    }

    private static boolean validTolerance(Double tolerance) {
        return tolerance != null && tolerance >= MIN_TOLERANCE_METERS && tolerance <= MAX_TOLERANCE_METERS;
    }

    private static String chains(List<List<double[]>> chains) {
        List<String> written = new ArrayList<>();
        for (List<double[]> chain : chains) {
            written.add(chain(chain));
        }
        return "[" + String.join(",", written) + "]";
    }

    private static String chain(List<double[]> positions) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < positions.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('[').append(positions.get(i)[0]).append(',').append(positions.get(i)[1]).append(']');
        }
        return json.append(']').toString();
    }

    /** Densifies chains of positions, counting the points it makes against the limit. */
    private static final class Densifier {
        private final double toleranceRadians;
        private final boolean preserveCrossing;
        private long points;

        Densifier(double toleranceRadians, boolean preserveCrossing) {
            this.toleranceRadians = toleranceRadians;
            this.preserveCrossing = preserveCrossing;
        }

        boolean overLimit() {
            return points > MAX_POINTS;
        }

        List<double[]> chain(JsonNode positions) {
            List<double[]> out = new ArrayList<>();
            double[] previous = null;
            for (JsonNode position : positions) {
                double[] next = {position.get(0).doubleValue(), position.get(1).doubleValue()};
                if (previous == null) {
                    out.add(next);
                } else {
                    edge(previous, next, out);
                }
                previous = next;
                if (overLimit()) {
                    break;
                }
            }
            points += out.size();
            return out;
        }

        /** Adds the points after {@code from} up to and including {@code to}. */
        private void edge(double[] from, double[] to, List<double[]> out) {
            double[] end = to;
            if (preserveCrossing && Math.abs(to[0] - from[0]) > 180) {
                // the edge crosses the antimeridian: walk it the short way round, writing longitudes back in range
                end = new double[] {to[0] + (to[0] < from[0] ? 360 : -360), to[1]};
            }
            halve(from, end, 0, out);
        }

        private void halve(double[] from, double[] to, int depth, List<double[]> out) {
            double[] middle = {(from[0] + to[0]) / 2, (from[1] + to[1]) / 2};
            S2Point a = point(from);
            S2Point b = point(to);
            double deviation = S2EdgeUtil.getDistance(point(middle), a, b).radians();
            if (deviation <= toleranceRadians || depth == MAX_HALVINGS || out.size() + points > MAX_POINTS) {
                out.add(wrapped(to));
                return;
            }
            halve(from, middle, depth + 1, out);
            halve(middle, to, depth + 1, out);
        }

        private static S2Point point(double[] position) {
            return S2LatLng.fromDegrees(position[1], position[0]).toPoint();
        }

        private static double[] wrapped(double[] position) {
            double longitude = position[0] > 180 ? position[0] - 360 : position[0] < -180 ? position[0] + 360 : position[0];
            return new double[] {longitude, position[1]};
        }
    }
}
