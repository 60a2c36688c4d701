package dev.vigil.iot.twin.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A page of a twin query's result, as IoT Hub answers it.
 *
 * @param continuation the {@code x-ms-continuation} to ask for the next page with; empty on the last page
 * @param itemType the {@code x-ms-item-type}: {@code twin} for whole twins, {@code raw} for projections and aggregates
 */
public record TwinQueryPage(List<JsonNode> items, Optional<String> continuation, String itemType) {
    public TwinQueryPage {
        items = List.copyOf(items);
    }
}
