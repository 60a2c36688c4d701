package dev.vigil.soc.rule;

import java.util.List;
import java.util.Objects;

/** An entity of a rule's alerts, e.g. {@code IoTDevice} with {@code DeviceId} from the column {@code DeviceId}. */
public record EntityMapping(String entityType, List<FieldMapping> fieldMappings) {
    public EntityMapping {
        Objects.requireNonNull(entityType, "entityType");
        fieldMappings = List.copyOf(fieldMappings);
    }
}
