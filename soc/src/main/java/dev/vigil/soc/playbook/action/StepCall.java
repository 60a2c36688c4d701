package dev.vigil.soc.playbook.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.playbook.SmtpConnection;
import dev.vigil.soc.playbook.expression.Bindings;
import dev.vigil.soc.playbook.expression.Template;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * One attempt of a step, with what it needs: the values of its templates, the run's incident and
 * secrets, and the key that names this step of this run wherever it goes.
 *
 * @param idempotencyKey the same for every attempt of the step in the run, also after a restart
 * @param actor who the step acts as, e.g. {@code Playbook - notify-owner}
 * @param bindings the variables in scope, for a query step's {@code let}s
 */
public record StepCall(String workspaceId, String runId, String path, String idempotencyKey, String actor, Optional<String> incidentName,
        Function<Template, JsonNode> values, SecretValues secrets, Optional<SmtpConnection> smtp, Bindings bindings, Duration timeout) {

    public String text(Template template) {
        JsonNode value = values.apply(template);
        return value == null || value.isNull() ? "" : value.isTextual() ? value.textValue() : value.toString();
    }

    public String incident() {
        return incidentName.orElseThrow(() -> new StepFailedException("the step acts on an incident, and the run has none"));
    }
}
