package dev.vigil.kql.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Kusto's {@code geo_from_wkt}: well-known text, read by JTS, written as the GeoJSON shape with the
 * same coordinates (x is the longitude). Empty shapes, coordinates out of range and text that is not
 * WKT give null.
 */
public final class WktReader {
    private WktReader() {
    }

    public static String toGeoJson(String wkt) {
        if (wkt == null) {
            return null;
        }
        Geometry geometry;
        try {
            geometry = new WKTReader().read(wkt);
        } catch (ParseException | IllegalArgumentException e) {
            return null;
        }
        StringBuilder json = new StringBuilder();
        return write(geometry, json) ? json.toString() : null;
    }

    private static boolean write(Geometry geometry, StringBuilder json) {
        if (geometry.isEmpty()) {
            return false;
        }
        if (geometry instanceof Point point) {
            json.append("{\"type\":\"Point\",\"coordinates\":");
            return position(point.getCoordinate(), json) && close(json);
        }
        if (geometry instanceof LineString line) {
            json.append("{\"type\":\"LineString\",\"coordinates\":");
            return positions(line.getCoordinates(), json) && close(json);
        }
        if (geometry instanceof Polygon polygon) {
            json.append("{\"type\":\"Polygon\",\"coordinates\":");
            return rings(polygon, json) && close(json);
        }
        if (geometry instanceof MultiPoint points) {
            json.append("{\"type\":\"MultiPoint\",\"coordinates\":");
            return positions(points.getCoordinates(), json) && close(json);
        }
        if (geometry instanceof MultiLineString lines) {
            json.append("{\"type\":\"MultiLineString\",\"coordinates\":[");
            for (int i = 0; i < lines.getNumGeometries(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                if (!positions(lines.getGeometryN(i).getCoordinates(), json)) {
                    return false;
                }
            }
            return json.append(']') != null && close(json);
        }
        if (geometry instanceof MultiPolygon polygons) {
            json.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < polygons.getNumGeometries(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                if (!rings((Polygon) polygons.getGeometryN(i), json)) {
                    return false;
                }
            }
            return json.append(']') != null && close(json);
        }
        if (geometry instanceof GeometryCollection collection) {
            json.append("{\"type\":\"GeometryCollection\",\"geometries\":[");
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                if (!write(collection.getGeometryN(i), json)) {
                    return false;
                }
            }
            return json.append(']') != null && close(json);
        }
        return false;
    }

    private static boolean rings(Polygon polygon, StringBuilder json) {
        List<LineString> rings = new ArrayList<>();
        rings.add(polygon.getExteriorRing());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(polygon.getInteriorRingN(i));
        }
        json.append('[');
        for (int i = 0; i < rings.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            if (!positions(rings.get(i).getCoordinates(), json)) {
                return false;
            }
        }
        json.append(']');
        return true;
    }

    private static boolean positions(Coordinate[] coordinates, StringBuilder json) {
        json.append('[');
        for (int i = 0; i < coordinates.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            if (!position(coordinates[i], json)) {
                return false;
            }
        }
        json.append(']');
        return true;
    }

    private static boolean position(Coordinate coordinate, StringBuilder json) {
        if (!SphericalEarth.valid(coordinate.getX(), coordinate.getY())) {
            return false;
        }
        json.append('[').append(coordinate.getX()).append(',').append(coordinate.getY()).append(']');
        return true;
    }

    private static boolean close(StringBuilder json) {
        json.append('}');
        return true;
    }
}
