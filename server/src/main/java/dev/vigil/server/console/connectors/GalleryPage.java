package dev.vigil.server.console.connectors;

import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/**
 * The data connectors gallery: the connectors that pass the search and filters, and the one
 * selected in the side pane.
 *
 * @param search the text searched for in titles, publishers and data types
 * @param status {@code Connected}, {@code Disconnected} or empty for any
 */
public record GalleryPage(Shell shell, String search, String status, List<String> statuses, List<Row> rows, int total, long connected,
        Optional<ConnectorSummary> selected, String action) {

    /** A gallery row; {@code selectHref} opens its side pane. */
    public record Row(String id, String title, String publisher, String status, String lastDataReceived, String dataTypes, String selectHref,
            boolean selected) {
    }
}
