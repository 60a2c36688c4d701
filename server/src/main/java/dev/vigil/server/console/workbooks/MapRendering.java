package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.soc.workbook.notebook.QueryItem;
import dev.vigil.workspace.api.ResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A query item with {@code visualization} {@code map}: its {@code mapSettings} with {@code locInfo}
 * {@code LatLong} draw each row at its {@code latitude} and {@code longitude} columns (by default the
 * columns named so), sized by {@code sizeSettings}, labelled by {@code labelSettings} and coloured by
 * {@code itemColorSettings.nodeColorField}. Locations by Azure region, Azure resource or country
 * need a table of places and map outlines that Vigil would have to download, so those maps show
 * their result as a grid, with a notice.
 */
final class MapRendering {
    static final int MAX_POINTS = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private MapRendering() {
    }

    /** The map's data as JSON for {@code charts.js}, or why it cannot be drawn. */
    record Drawn(Optional<String> chart, Optional<String> notice) {
    }

    static Drawn map(QueryItem item, ResultTable table) {
        JsonNode settings = item.json().path("content").path("mapSettings");
        String location = settings.path("locInfo").asText("LatLong");
        if (!location.equalsIgnoreCase("LatLong")) {
            return notice("The map places rows by '" + location + "', which needs map data Vigil does not download; only maps by latitude and"
                    + " longitude (locInfo LatLong) are drawn. The result is shown as a table.");
        }
        List<String> names = table.columns().stream().map(ColumnSchema::name).toList();
        int lat = column(names, settings.path("latitude").asText(""), "latitude", "lat");
        int lon = column(names, settings.path("longitude").asText(""), "longitude", "lon", "long");
        if (lat < 0 || lon < 0) {
            return notice("The map needs latitude and longitude columns (mapSettings.latitude and longitude); the result has "
                    + String.join(", ", names) + ". The result is shown as a table.");
        }
        int size = names.indexOf(settings.path("sizeSettings").asText(""));
        int label = names.indexOf(settings.path("labelSettings").asText(""));
        JsonNode colors = settings.path("itemColorSettings");
        int color = colors.path("type").asText("none").equalsIgnoreCase("none") ? -1 : names.indexOf(colors.path("nodeColorField").asText(""));
        List<MapData.Point> points = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            Optional<Double> latitude = NumberText.number(row.get(lat));
            Optional<Double> longitude = NumberText.number(row.get(lon));
            if (latitude.isEmpty() || longitude.isEmpty() || Math.abs(latitude.get()) > 90 || Math.abs(longitude.get()) > 180) {
                continue;
            }
            String name = label >= 0 && row.get(label) != null ? row.get(label).toString() : latitude.get() + ", " + longitude.get();
            points.add(new MapData.Point(name, latitude.get(), longitude.get(), size < 0 ? null : NumberText.number(row.get(size)).orElse(null),
                    color < 0 ? null : NumberText.number(row.get(color)).orElse(null)));
            if (points.size() == MAX_POINTS) {
                break;
            }
        }
        MapData data = new MapData("map", size < 0 ? "" : names.get(size), color < 0 ? "" : names.get(color), colors.path("heatmapPalette").asText(""),
                points);
        try {
            return new Drawn(Optional.of(JSON.writeValueAsString(data)), Optional.empty());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map's data does not write as JSON", e);
        }
    }

    private static Drawn notice(String notice) {
        return new Drawn(Optional.empty(), Optional.of(notice));
    }

    /** The column named in the settings, else the first whose name is one of the usual ones (case aside). */
    private static int column(List<String> names, String named, String... usual) {
        if (!named.isEmpty()) {
            return names.indexOf(named);
        }
        for (String name : usual) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).toLowerCase(Locale.ROOT).equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
