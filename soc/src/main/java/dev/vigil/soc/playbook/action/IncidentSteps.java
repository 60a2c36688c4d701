package dev.vigil.soc.playbook.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.incident.AutomatedChange;
import dev.vigil.soc.incident.Closure;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentException;
import dev.vigil.soc.incident.IncidentLabel;
import dev.vigil.soc.incident.IncidentOwner;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.IncidentStatus;
import dev.vigil.soc.incident.IncidentUpdate;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.incident.LabelType;
import dev.vigil.soc.incident.NewIncidentTask;
import dev.vigil.soc.playbook.PlaybookStep;
import dev.vigil.soc.playbook.expression.Template;
import java.util.List;
import java.util.Optional;

/**
 * Steps that change the run's incident. Each is one incident change made as automation does
 * ({@link Incidents#automate}): signed by the playbook, naming the run's step as its origin, so
 * it sets off no automation rule (no loops), and a step acted on again after a crash, while the
 * change is still held for the followers, changes nothing a second time.
 */
final class IncidentSteps {
    private final Incidents incidents;

    IncidentSteps(Incidents incidents) {
        this.incidents = incidents;
    }

    JsonNode update(PlaybookStep.UpdateIncident step, StepCall call) {
        IncidentUpdate update = IncidentUpdate.none();
        try {
            Optional<String> severity = value(step.severity(), call);
            if (severity.isPresent()) {
                update = update.withSeverity(IncidentSeverity.named(severity.get()));
            }
            Optional<String> status = value(step.status(), call);
            if (status.isPresent()) {
                IncidentStatus named = IncidentStatus.named(status.get());
                update = update.withStatus(named);
                if (named == IncidentStatus.CLOSED) {
                    update = update.withClosure(Closure.of(value(step.classification(), call).orElse(null),
                            value(step.classificationReason(), call).orElse(null), value(step.classificationComment(), call).orElse("")));
                }
            }
            Optional<String> owner = value(step.owner(), call);
            if (owner.isPresent()) {
                update = update.withOwner(IncidentOwner.user(owner.get()));
            }
            List<IncidentLabel> labels = step.labels().stream().map(call::text).filter(label -> !label.isBlank())
                    .map(label -> new IncidentLabel(label, LabelType.AUTO_ASSIGNED)).toList();
            return result(change(call, new AutomatedChange(update, labels, List.of())));
        } catch (IncidentException e) {
            throw new StepFailedException(e.getMessage(), e);
        }
    }

    JsonNode comment(PlaybookStep.AddComment step, StepCall call) {
        String message = call.text(step.message());
        if (message.isBlank()) {
            throw new StepFailedException("the comment came to nothing");
        }
        return result(change(call, new AutomatedChange(IncidentUpdate.none(), List.of(), List.of(), List.of(message))));
    }

    JsonNode task(PlaybookStep.AddTask step, StepCall call) {
        try {
            NewIncidentTask task = new NewIncidentTask(call.text(step.title()), step.description().map(call::text).orElse(""));
            return result(change(call, new AutomatedChange(IncidentUpdate.none(), List.of(), List.of(task))));
        } catch (IncidentException e) {
            throw new StepFailedException(e.getMessage(), e);
        }
    }

    private Incident change(StepCall call, AutomatedChange change) {
        try {
            return incidents.automate(call.workspaceId(), call.incident(), "playbookRun/" + call.idempotencyKey(), call.actor(), change);
        } catch (IncidentException e) {
            throw new StepFailedException(e.getMessage(), e);
        }
    }

    private static Optional<String> value(Optional<Template> template, StepCall call) {
        return template.map(call::text).filter(text -> !text.isBlank());
    }

    private static JsonNode result(Incident incident) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("incidentNumber", incident.number());
        output.put("severity", incident.severity().sentinelName());
        output.put("status", incident.status().sentinelName());
        output.put("revision", incident.revision());
        return output;
    }
}
