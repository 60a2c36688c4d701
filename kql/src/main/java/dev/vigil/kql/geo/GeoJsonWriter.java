package dev.vigil.kql.geo;

import com.google.common.geometry.S2LatLng;
import com.google.common.geometry.S2Loop;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Polygon;
import com.google.common.geometry.S2Polyline;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes shapes as Kusto gives them: GeoJSON with [longitude, latitude] positions, rings closed by
 * repeating their first vertex, shells counterclockwise and holes clockwise.
 */
public final class GeoJsonWriter {
    /** What an empty intersection is. */
    public static final String EMPTY_COLLECTION = "{\"type\":\"GeometryCollection\",\"geometries\":[]}";

    private GeoJsonWriter() {
    }

    public static String point(S2Point point) {
        return point(new S2LatLng(point));
    }

    public static String point(S2LatLng point) {
        StringBuilder json = new StringBuilder("{\"type\":\"Point\",\"coordinates\":");
        position(json, point);
        return json.append('}').toString();
    }

    /** A MultiPoint. */
    public static String points(List<S2Point> points) {
        StringBuilder json = new StringBuilder("{\"type\":\"MultiPoint\",\"coordinates\":[");
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            position(json, new S2LatLng(points.get(i)));
        }
        return json.append("]}").toString();
    }

    /** A closed ring given by its corners (the first not repeated) as a one-ring Polygon. */
    public static String ring(List<S2LatLng> corners) {
        StringBuilder json = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[");
        closedRing(json, corners);
        return json.append("]}").toString();
    }

    /** A Polygon when the polygon has one shell, a MultiPolygon when it has several, the empty collection when it is empty. */
    public static String polygon(S2Polygon polygon) {
        // loops come in preorder: a hole belongs to the last shell one level above it
        List<List<S2Loop>> parts = new ArrayList<>();
        java.util.Map<Integer, List<S2Loop>> shellAtDepth = new java.util.HashMap<>();
        for (int i = 0; i < polygon.numLoops(); i++) {
            S2Loop loop = polygon.loop(i);
            if (loop.depth() % 2 == 0) {
                List<S2Loop> part = new ArrayList<>(List.of(loop));
                parts.add(part);
                shellAtDepth.put(loop.depth(), part);
            } else {
                shellAtDepth.get(loop.depth() - 1).add(loop);
            }
        }
        if (parts.isEmpty()) {
            return EMPTY_COLLECTION;
        }
        StringBuilder json = new StringBuilder(parts.size() == 1 ? "{\"type\":\"Polygon\",\"coordinates\":" : "{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (int p = 0; p < parts.size(); p++) {
            if (p > 0) {
                json.append(',');
            }
            json.append('[');
            List<S2Loop> loops = parts.get(p);
            for (int l = 0; l < loops.size(); l++) {
                if (l > 0) {
                    json.append(',');
                }
                closedRing(json, corners(loops.get(l), l > 0));
            }
            json.append(']');
        }
        return json.append(parts.size() == 1 ? "}" : "]}").toString();
    }

    /** A LineString for one line, a MultiLineString for several, the empty collection for none. */
    public static String lines(List<S2Polyline> lines) {
        if (lines.isEmpty()) {
            return EMPTY_COLLECTION;
        }
        StringBuilder json = new StringBuilder(lines.size() == 1 ? "{\"type\":\"LineString\",\"coordinates\":" : "{\"type\":\"MultiLineString\",\"coordinates\":[");
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('[');
            List<S2Point> vertices = lines.get(i).vertices();
            for (int v = 0; v < vertices.size(); v++) {
                if (v > 0) {
                    json.append(',');
                }
                position(json, new S2LatLng(vertices.get(v)));
            }
            json.append(']');
        }
        return json.append(lines.size() == 1 ? "}" : "]}").toString();
    }

    /** A JSON array of strings. */
    public static String strings(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(values.get(i)).append('"');
        }
        return json.append(']').toString();
    }

    /** The loop's vertices counterclockwise around the region it bounds, or clockwise for a hole. */
    private static List<S2LatLng> corners(S2Loop loop, boolean hole) {
        S2Loop region = new S2Loop(loop);
        region.normalize();
        List<S2LatLng> corners = new ArrayList<>();
        for (int i = 0; i < region.numVertices(); i++) {
            corners.add(new S2LatLng(region.vertex(i)));
        }
        if (hole) {
            java.util.Collections.reverse(corners);
        }
        return corners;
    }

    private static void closedRing(StringBuilder json, List<S2LatLng> corners) {
        json.append('[');
        for (S2LatLng corner : corners) {
            position(json, corner);
            json.append(',');
        }
        position(json, corners.get(0));
        json.append(']');
    }

    private static void position(StringBuilder json, S2LatLng point) {
        json.append('[').append(point.lngDegrees()).append(',').append(point.latDegrees()).append(']');
    }
}
