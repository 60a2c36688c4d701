package dev.vigil.soc.connector;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A connector as the gallery shows it for one workspace.
 *
 * @param lastDataReceived the newest of its data types' last data received, if any data arrived
 */
public record ConnectorDetails(
        String id,
        String title,
        String publisher,
        String description,
        List<String> prerequisites,
        List<RequiredPermission> permissions,
        List<DataTypeStatus> dataTypes,
        ConnectionStatus status,
        Optional<Instant> lastDataReceived) {

    public ConnectorDetails {
        Objects.requireNonNull(id, "id");
        prerequisites = List.copyOf(prerequisites);
        permissions = List.copyOf(permissions);
        dataTypes = List.copyOf(dataTypes);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastDataReceived, "lastDataReceived");
    }
}
