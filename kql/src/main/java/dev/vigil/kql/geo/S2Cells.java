package dev.vigil.kql.geo;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cell;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2CellUnion;
import com.google.common.geometry.S2LatLng;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Polyline;
import com.google.common.geometry.S2Region;
import com.google.common.geometry.S2RegionCoverer;
import com.google.common.geometry.S2RegionUnion;
import java.util.ArrayList;
import java.util.List;

/** S2 cells as Kusto names them: by token, levels 0 to 30. */
public final class S2Cells {
    public static final int MAX_LEVEL = 30;
    /** The most cells a covering may have; past it Kusto gives null. */
    public static final int MAX_COVERING = 65536;
    private static final int MAX_TOKEN_LENGTH = 16;

    private S2Cells() {
    }

    /** The token of the cell of this level holding the point, or the empty string when the point or level is invalid. */
    public static String token(Double longitude, Double latitude, Long level) {
        S2Point point = SphericalEarth.point(longitude, latitude);
        if (point == null || !validLevel(level)) {
            return "";
        }
        return S2CellId.fromPoint(point).parent(level.intValue()).toToken();
    }

    /** The cell of a token, or null when the text is not a valid cell token. */
    public static S2CellId cell(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || !token.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        S2CellId cell = S2CellId.fromToken(token);
        return cell.isValid() ? cell : null;
    }

    public static S2LatLng center(S2CellId cell) {
        return cell.toLatLng();
    }

    /** The cell's four corners, counterclockwise. */
    public static List<S2LatLng> corners(S2CellId cell) {
        S2Cell region = new S2Cell(cell);
        List<S2LatLng> corners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            corners.add(new S2LatLng(region.getVertex(i)));
        }
        return corners;
    }

    /** The tokens of the cells of the same level that share an edge or a corner with this one. */
    public static List<String> neighbors(S2CellId cell) {
        List<S2CellId> neighbors = new ArrayList<>();
        cell.getAllNeighbors(cell.level(), neighbors);
        // near a cube corner S2 lists a cell once per corner it touches
        java.util.Set<String> tokens = new java.util.LinkedHashSet<>();
        for (S2CellId neighbor : neighbors) {
            if (!neighbor.equals(cell)) {
                tokens.add(neighbor.toToken());
            }
        }
        return List.copyOf(tokens);
    }

    /**
     * The tokens of the cells of one level that together cover the region, or null when more than
     * {@link #MAX_COVERING} would be needed (checked first on the region's area, so that a huge
     * covering is never built).
     */
    public static List<String> covering(S2Region region, double area, Long level) {
        if (!validLevel(level)) {
            return null;
        }
        int cellLevel = level.intValue();
        if (area / S2Cell.averageArea(cellLevel) > MAX_COVERING) {
            return null;
        }
        S2RegionCoverer coverer = S2RegionCoverer.builder().setMinLevel(cellLevel).setMaxLevel(cellLevel).setMaxCells(MAX_COVERING).build();
        ArrayList<S2CellId> cells = new ArrayList<>();
        coverer.getCovering(region, cells);
        if (cells.size() > MAX_COVERING) {
            return null;
        }
        List<String> tokens = new ArrayList<>(cells.size());
        for (S2CellId cell : cells) {
            tokens.add(cell.toToken());
        }
        return tokens;
    }

    /**
     * The tokens of the cells of one level that cover the lines and, for a positive radius, every
     * point within that many meters of them (S2 grows the lines' covering by the radius, so it may
     * hold some cells beyond it); null when more than {@link #MAX_COVERING} would be needed.
     */
    public static List<String> covering(List<S2Polyline> lines, Long level, Double radius) {
        if (lines == null || !validLevel(level) || radius == null || !(radius >= 0) || radius.isInfinite()) {
            return null;
        }
        int cellLevel = level.intValue();
        double cellEdge = Math.sqrt(S2Cell.averageArea(cellLevel));
        double reach = radius / SphericalEarth.RADIUS_METERS;
        double length = 0;
        for (S2Polyline line : lines) {
            length += line.getArclengthAngle().radians();
        }
        // a rough count of the cells along the lines and across their buffer, to refuse a huge covering before building it
        if ((length / cellEdge + lines.size()) * (1 + 2 * reach / cellEdge) > 4.0 * MAX_COVERING) {
            return null;
        }
        S2RegionCoverer coverer = S2RegionCoverer.builder().setMinLevel(cellLevel).setMaxLevel(cellLevel).setMaxCells(MAX_COVERING).build();
        ArrayList<S2CellId> cells = new ArrayList<>();
        coverer.getCovering(new S2RegionUnion(new ArrayList<S2Region>(lines)), cells);
        if (reach > 0) {
            S2CellUnion union = new S2CellUnion();
            union.initFromCellIds(cells);
            union.expand(S1Angle.radians(reach), 0);
            long count = 0;
            for (S2CellId cell : union.cellIds()) {
                count += 1L << (2 * Math.max(0, cellLevel - cell.level()));
            }
            if (count > MAX_COVERING) {
                return null;
            }
            cells = new ArrayList<>();
            union.denormalize(cellLevel, 1, cells);
        }
        if (cells.size() > MAX_COVERING) {
            return null;
        }
        List<String> tokens = new ArrayList<>(cells.size());
        for (S2CellId cell : cells) {
            tokens.add(cell.toToken());
        }
        return tokens;
    }

    private static boolean validLevel(Long level) {
        return level != null && level >= 0 && level <= MAX_LEVEL;
    }
}
