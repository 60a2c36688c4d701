package dev.vigil.soc.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a playbook document says, checked.
 *
 * @param secrets the names of its secrets (their values are kept apart, encrypted, and never shown)
 * @param document the document as saved, without secret values: what {@code GET} answers
 */
public record PlaybookDefinition(String description, List<PlaybookTrigger> triggers, List<PlaybookVariable> variables, Set<String> secrets,
        Optional<SmtpConnection> smtp, List<PlaybookStep> steps, JsonNode document) {
    public PlaybookDefinition {
        Objects.requireNonNull(description, "description");
        triggers = List.copyOf(triggers);
        variables = List.copyOf(variables);
        secrets = Set.copyOf(secrets);
        Objects.requireNonNull(smtp, "smtp");
        steps = List.copyOf(steps);
        Objects.requireNonNull(document, "document");
    }

    public boolean accepts(Class<? extends PlaybookTrigger> kind) {
        return triggers.stream().anyMatch(kind::isInstance);
    }

    public Optional<PlaybookTrigger.Schedule> schedule() {
        return triggers.stream().filter(PlaybookTrigger.Schedule.class::isInstance).map(PlaybookTrigger.Schedule.class::cast).findFirst();
    }
}
