package dev.vigil.server.console.connectors;

import java.util.List;

/** A connector as its side pane and the top of its page show it. */
public record ConnectorSummary(String id, String title, String publisher, String description, String status, String lastDataReceived,
        List<DataTypeRow> dataTypes, String pageHref) {

    /** A data type and when its data last arrived. */
    public record DataTypeRow(String name, String lastDataReceived) {
    }
}
