package dev.vigil.iot.routing;

/**
 * A routing endpoint that writes each routed message as a row of a custom table ({@code _CL}) of a
 * workspace, created with {@link RoutedRows#COLUMNS} when a route first names it. It stands where
 * IoT Hub has Event Hubs, Service Bus and storage endpoints.
 */
public record WorkspaceTableEndpoint(String name, String workspace, String tableName) {
}
