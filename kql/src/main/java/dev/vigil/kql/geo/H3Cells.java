package dev.vigil.kql.geo;

import com.google.common.geometry.S2LatLng;
import com.uber.h3core.AreaUnit;
import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * H3 cells as Kusto names them: by their hexadecimal address, resolutions 0 to 15. A parent or
 * children lookup may span at most five resolutions, as in Kusto.
 */
public final class H3Cells {
    public static final int MAX_RESOLUTION = 15;
    private static final int MAX_RESOLUTION_SPAN = 5;
    private static final int MAX_RING_DISTANCE = 142;
    private static final H3Core H3 = load();

    private H3Cells() {
    }

    private static H3Core load() {
        try {
            return H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load H3's native library", e);
        }
    }

    /** The address of the cell of this resolution holding the point, or the empty string when the point or resolution is invalid. */
    public static String address(Double longitude, Double latitude, Long resolution) {
        if (!SphericalEarth.valid(longitude, latitude) || resolution == null || resolution < 0 || resolution > MAX_RESOLUTION) {
            return "";
        }
        return H3.latLngToCellAddress(latitude, longitude, resolution.intValue());
    }

    /** Whether the text is the address of a cell. */
    public static boolean valid(String address) {
        return address != null && !address.isEmpty() && H3.isValidCell(address);
    }

    public static S2LatLng center(String address) {
        LatLng center = H3.cellToLatLng(address);
        return S2LatLng.fromDegrees(center.lat, center.lng);
    }

    /** The cell's corners (six, or five for a pentagon, more where it crosses an icosahedron edge), counterclockwise. */
    public static List<S2LatLng> corners(String address) {
        List<S2LatLng> corners = new ArrayList<>();
        for (LatLng corner : H3.cellToBoundary(address)) {
            corners.add(S2LatLng.fromDegrees(corner.lat, corner.lng));
        }
        return corners;
    }

    public static int resolution(String address) {
        return H3.getResolution(address);
    }

    /** The parent at this resolution, or null when the resolution is finer than the cell's. */
    public static String parent(String address, Long resolution) {
        int own = resolution(address);
        if (resolution == null || resolution < 0 || resolution > own) {
            return null;
        }
        return H3.cellToParentAddress(address, resolution.intValue());
    }

    /** The children at this resolution, or null when the resolution is not finer (or equal) within reach. */
    public static List<String> children(String address, Long resolution) {
        int own = resolution(address);
        if (resolution == null || resolution < own || resolution > MAX_RESOLUTION || resolution - own > MAX_RESOLUTION_SPAN) {
            return null;
        }
        return H3.cellToChildren(address, resolution.intValue());
    }

    /** The cells around this one (six, or five around a pentagon), in the order of the first of {@link #rings}. */
    public static List<String> neighbors(String address) {
        return H3.gridDiskDistances(address, 1).get(1);
    }

    /** The most cells {@link #covering} gives; past it Kusto gives null. */
    public static final int MAX_COVERING = 61680;

    /**
     * The cells of one resolution whose centers lie inside the polygon given as GeoJSON rings of
     * [longitude, latitude] (H3 takes the edges as straight lines, as Kusto says), or null for an
     * invalid resolution or past {@link #MAX_COVERING} cells (checked first on the polygon's area).
     */
    public static List<String> covering(List<List<double[]>> rings, double areaSquareMeters, Long resolution) {
        if (resolution == null || resolution < 0 || resolution > MAX_RESOLUTION
                || areaSquareMeters / H3.getHexagonAreaAvg(resolution.intValue(), AreaUnit.m2) > 2.0 * MAX_COVERING) {
            return null;
        }
        List<LatLng> shell = latLngs(rings.get(0));
        List<List<LatLng>> holes = new ArrayList<>();
        for (List<double[]> hole : rings.subList(1, rings.size())) {
            holes.add(latLngs(hole));
        }
        List<String> cells = H3.polygonToCellAddresses(shell, holes, resolution.intValue());
        return cells.size() > MAX_COVERING ? null : cells;
    }

    private static List<LatLng> latLngs(List<double[]> ring) {
        List<LatLng> points = new ArrayList<>();
        for (double[] position : ring) {
            points.add(new LatLng(position[1], position[0]));
        }
        return points;
    }

    /** The cells at each grid distance from 0 (the cell itself) to {@code distance}, or null for a distance out of [0, 142]. */
    public static List<List<String>> rings(String address, Long distance) {
        if (distance == null || distance < 0 || distance > MAX_RING_DISTANCE) {
            return null;
        }
        return H3.gridDiskDistances(address, distance.intValue());
    }
}
