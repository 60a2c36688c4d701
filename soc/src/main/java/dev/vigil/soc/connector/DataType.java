package dev.vigil.soc.connector;

import java.util.Objects;

/**
 * A kind of data a connector brings in.
 *
 * @param name as the gallery shows it, e.g. {@code SecurityAlert (ASC for IoT)}
 * @param lastDataReceivedQuery KQL that returns one row with a datetime column {@code Time}, the
 *     newest data of this type, or no row when there is none
 */
public record DataType(String name, String lastDataReceivedQuery) {
    public DataType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lastDataReceivedQuery, "lastDataReceivedQuery");
    }
}
