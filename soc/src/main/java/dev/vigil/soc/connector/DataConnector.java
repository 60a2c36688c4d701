package dev.vigil.soc.connector;

import java.util.List;

/**
 * One entry of the data connectors gallery, shaped like Sentinel's connector definitions: what it
 * is, what the user needs to connect it, which data types it brings in, and whether it is
 * connected to a given workspace.
 */
public interface DataConnector {

    /** The id the API uses, e.g. {@code IoT}. */
    String id();

    String title();

    String publisher();

    String description();

    /** What must be true before connecting, in the user's words. */
    List<String> prerequisites();

    /** The roles the caller needs, and on which scope. */
    List<RequiredPermission> permissions();

    /** The data types it brings into this workspace, each with the query that finds its newest row. */
    List<DataType> dataTypes(String workspaceId);

    ConnectionStatus status(String workspaceId);
}
