package dev.vigil.soc.hunting;

import java.util.List;
import java.util.Objects;

/** A data connector a piece of content reads the data of, as Sentinel's content names it ({@code connectorId}, {@code dataTypes}). */
public record RequiredDataConnector(String connectorId, List<String> dataTypes) {
    public RequiredDataConnector {
        Objects.requireNonNull(connectorId, "connectorId");
        dataTypes = List.copyOf(dataTypes);
    }
}
