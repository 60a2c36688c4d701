package dev.vigil.kql.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.geometry.S2Loop;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Polygon;
import com.google.common.geometry.S2Polyline;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Kusto's GeoJSON shapes into S2 ones. A ring's shell and holes each bound the smaller of
 * the two regions they divide the sphere into; a multipolygon is the union of its polygons. What
 * breaks Kusto's constraints (too few or repeated vertices, crossing rings, coordinates out of
 * range, a wrong type) reads as null.
 */
public final class GeoJsonReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The polygon last read on this thread: a query usually tests every row against one literal
     * polygon, which is then parsed and indexed once per thread instead of once per row. (S2
     * builds a polygon's edge index lazily, so a polygon is not shared between threads.)
     */
    private static final ThreadLocal<LastPolygon> LAST_POLYGON = new ThreadLocal<>();

    private record LastPolygon(String text, S2Polygon polygon) {
    }

    /** The lines last read on this thread, for the same reason. */
    private static final ThreadLocal<LastLines> LAST_LINES = new ThreadLocal<>();

    private record LastLines(String text, List<S2Polyline> lines) {
    }

    private GeoJsonReader() {
    }

    /** A Polygon or MultiPolygon, or null. */
    public static S2Polygon polygon(String text) {
        LastPolygon last = LAST_POLYGON.get();
        if (last != null && last.text().equals(text)) {
            return last.polygon();
        }
        S2Polygon polygon = readPolygon(text);
        if (text != null) {
            LAST_POLYGON.set(new LastPolygon(text, polygon));
        }
        return polygon;
    }

    private static S2Polygon readPolygon(String text) {
        JsonNode node = parse(text);
        if (node == null) {
            return null;
        }
        JsonNode coordinates = node.get("coordinates");
        switch (node.path("type").asText()) {
            case "Polygon":
                return polygonOf(coordinates);
            case "MultiPolygon":
                return multiPolygonOf(coordinates);
            default:
                return null;
        }
    }

    /** A LineString or MultiLineString as its lines, or null. */
    public static List<S2Polyline> lines(String text) {
        LastLines last = LAST_LINES.get();
        if (last != null && last.text().equals(text)) {
            return last.lines();
        }
        List<S2Polyline> lines = readLines(text);
        if (text != null) {
            LAST_LINES.set(new LastLines(text, lines));
        }
        return lines;
    }

    private static List<S2Polyline> readLines(String text) {
        JsonNode node = parse(text);
        if (node == null) {
            return null;
        }
        JsonNode coordinates = node.get("coordinates");
        switch (node.path("type").asText()) {
            case "LineString": {
                S2Polyline line = lineOf(coordinates);
                return line == null ? null : List.of(line);
            }
            case "MultiLineString": {
                if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
                    return null;
                }
                List<S2Polyline> lines = new ArrayList<>();
                for (JsonNode part : coordinates) {
                    S2Polyline line = lineOf(part);
                    if (line == null) {
                        return null;
                    }
                    lines.add(line);
                }
                return lines;
            }
            default:
                return null;
        }
    }

    /** Each element of a JSON array read by {@link #polygon}, or null when the text is not an array or any element is invalid. */
    public static List<S2Polygon> polygons(String text) {
        JsonNode node = parse(text);
        if (node == null || !node.isArray()) {
            return null;
        }
        List<S2Polygon> polygons = new ArrayList<>();
        for (JsonNode element : node) {
            S2Polygon polygon = polygon(element.toString());
            if (polygon == null) {
                return null;
            }
            polygons.add(polygon);
        }
        return polygons;
    }

    /** Each element of a JSON array read by {@link #lines}, or null when the text is not an array or any element is invalid. */
    public static List<S2Polyline> linesOfArray(String text) {
        JsonNode node = parse(text);
        if (node == null || !node.isArray()) {
            return null;
        }
        List<S2Polyline> lines = new ArrayList<>();
        for (JsonNode element : node) {
            List<S2Polyline> read = lines(element.toString());
            if (read == null) {
                return null;
            }
            lines.addAll(read);
        }
        return lines;
    }

    /**
     * The rings of each polygon of a valid Polygon or MultiPolygon as they are written ([longitude,
     * latitude] positions, the closing one included), for code that takes the edges as straight
     * lines; null when {@link #polygon} reads the text as invalid.
     */
    public static List<List<List<double[]>>> polygonRings(String text) {
        if (polygon(text) == null) {
            return null;
        }
        JsonNode node = parse(text);
        List<JsonNode> polygons = new ArrayList<>();
        if ("Polygon".equals(node.path("type").asText())) {
            polygons.add(node.get("coordinates"));
        } else {
            node.get("coordinates").forEach(polygons::add);
        }
        List<List<List<double[]>>> result = new ArrayList<>();
        for (JsonNode rings : polygons) {
            List<List<double[]>> ringList = new ArrayList<>();
            for (JsonNode ring : rings) {
                List<double[]> positions = new ArrayList<>();
                for (JsonNode position : ring) {
                    positions.add(new double[] {position.get(0).doubleValue(), position.get(1).doubleValue()});
                }
                ringList.add(positions);
            }
            result.add(ringList);
        }
        return result;
    }

    /** The JSON tree of text that {@link #lines} or {@link #polygon} read as valid. */
    static JsonNode tree(String text) {
        return parse(text);
    }

    private static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static S2Polygon multiPolygonOf(JsonNode coordinates) {
        if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
            return null;
        }
        List<S2Polygon> polygons = new ArrayList<>();
        for (JsonNode rings : coordinates) {
            S2Polygon polygon = polygonOf(rings);
            if (polygon == null) {
                return null;
            }
            polygons.add(polygon);
        }
        return polygons.size() == 1 ? polygons.get(0) : S2Polygon.union(polygons);
    }

    private static S2Polygon polygonOf(JsonNode rings) {
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            return null;
        }
        List<S2Loop> loops = new ArrayList<>();
        for (JsonNode ring : rings) {
            List<S2Point> vertices = ringOf(ring);
            if (vertices == null || !S2Loop.isValid(vertices)) {
                return null;
            }
            S2Loop loop = new S2Loop(vertices);
            loop.normalize();
            loops.add(loop);
        }
        if (!S2Polygon.isValid(loops)) {
            return null;
        }
        return new S2Polygon(loops);
    }

    /** A closed ring's distinct vertices (the closing repeat of the first dropped), or null. */
    private static List<S2Point> ringOf(JsonNode ring) {
        if (ring == null || !ring.isArray() || ring.size() < 4) {
            return null;
        }
        List<S2Point> vertices = new ArrayList<>();
        for (JsonNode position : ring) {
            S2Point point = pointOf(position);
            if (point == null) {
                return null;
            }
            vertices.add(point);
        }
        if (!vertices.get(0).equals(vertices.get(vertices.size() - 1))) {
            return null;
        }
        vertices.remove(vertices.size() - 1);
        return vertices;
    }

    private static S2Polyline lineOf(JsonNode coordinates) {
        if (coordinates == null || !coordinates.isArray() || coordinates.size() < 2) {
            return null;
        }
        List<S2Point> vertices = new ArrayList<>();
        for (JsonNode position : coordinates) {
            S2Point point = pointOf(position);
            if (point == null) {
                return null;
            }
            // a repeated vertex adds no edge; S2 refuses it, Kusto reads the line without it
            if (vertices.isEmpty() || !vertices.get(vertices.size() - 1).equals(point)) {
                vertices.add(point);
            }
        }
        if (vertices.size() < 2) {
            return null;
        }
        S2Polyline line = new S2Polyline(vertices);
        return line.isValid() ? line : null;
    }

    private static S2Point pointOf(JsonNode position) {
        if (position == null || !position.isArray() || position.size() < 2 || position.size() > 3
                || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            return null;
        }
        return SphericalEarth.point(position.get(0).doubleValue(), position.get(1).doubleValue());
    }
}
