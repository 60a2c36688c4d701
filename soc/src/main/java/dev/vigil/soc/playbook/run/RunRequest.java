package dev.vigil.soc.playbook.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;
import java.util.Optional;

/**
 * A run asked for: by an automation rule, by hand, or by the schedule.
 *
 * @param trigger {@code incident}, {@code alert}, {@code entity}, {@code manual} or {@code schedule}; the playbook must accept it
 * @param origin who or what asks: a user, {@code automationRule/<id>/<change>}, {@code schedule/<time>}. A run
 *     asked for by automation or the schedule has an id made of its origin, so asking again (after a crash) starts nothing new
 * @param incident the incident's name or number, for an incident run (optional for a manual one)
 * @param alertId the {@code SystemAlertId} of an alert run
 * @param entity the entity of an entity run, as Sentinel writes entities
 * @param inputs free values for the run, {@code Inputs} to its expressions
 */
public record RunRequest(String workspaceId, String playbook, String trigger, String origin, Optional<String> incident, Optional<String> alertId,
        Optional<JsonNode> entity, JsonNode inputs) {
    public RunRequest {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(entity, "entity");
        inputs = inputs == null || inputs.isNull() ? JsonNodeFactory.instance.objectNode() : inputs;
    }

    public static RunRequest onIncident(String workspaceId, String playbook, String incident, String origin) {
        return new RunRequest(workspaceId, playbook, "incident", origin, Optional.of(incident), Optional.empty(), Optional.empty(), null);
    }

    /** Whether the run's id comes from its origin (automation, schedule) rather than at random (a person's request). */
    boolean idFromOrigin() {
        return origin.startsWith("automationRule/") || origin.startsWith("schedule/");
    }
}
