package dev.vigil.soc.connector;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A data type of a connector with what its query found in the workspace.
 *
 * @param lastDataReceived the {@code Time} its {@code lastDataReceivedQuery} returned; empty when no data arrived yet
 */
public record DataTypeStatus(DataType dataType, Optional<Instant> lastDataReceived) {
    public DataTypeStatus {
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(lastDataReceived, "lastDataReceived");
    }
}
