package dev.vigil.soc.playbook.document;

import dev.vigil.soc.playbook.PlaybookDefinition;
import java.util.Map;
import java.util.Optional;

/**
 * A checked playbook document and the secret values it carried.
 *
 * @param secretValues by name; empty for a secret given without a value (null), which keeps the value saved before
 */
public record ParsedPlaybook(PlaybookDefinition definition, Map<String, Optional<String>> secretValues) {
    public ParsedPlaybook {
        secretValues = Map.copyOf(secretValues);
    }
}
