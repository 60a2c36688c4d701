package dev.vigil.soc.playbook.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.kql.types.KqlType;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentAlert;
import dev.vigil.soc.incident.IncidentLabel;
import dev.vigil.soc.playbook.PlaybookScope;
import dev.vigil.soc.playbook.action.SecretValues;
import dev.vigil.soc.playbook.expression.Bindings;
import dev.vigil.soc.playbook.expression.ExpressionScope;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values a run starts with, in the names of {@link PlaybookScope}: the incident as it was when
 * the run was asked for, its alerts and their entities, or the alert or entity it was started on.
 * They are recorded with the run, so that a run resumed after a restart sees what it first saw.
 */
final class RunInputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunInputs() {
    }

    static ObjectNode of(String workspaceId, String runId, String trigger, Optional<Incident> incident, Optional<JsonNode> alert,
            Optional<JsonNode> entity, JsonNode inputs) {
        ObjectNode values = JSON.createObjectNode();
        values.put(PlaybookScope.WORKSPACE, workspaceId);
        values.put(PlaybookScope.RUN_ID, runId);
        values.put(PlaybookScope.TRIGGER, trigger);
        values.set(PlaybookScope.INCIDENT, incident.<JsonNode>map(RunInputs::incident).orElse(NullNode.getInstance()));
        ArrayNode alerts = values.putArray(PlaybookScope.ALERTS);
        Set<JsonNode> entities = new LinkedHashSet<>();
        incident.ifPresent(found -> found.alerts().forEach(each -> {
            alerts.add(alert(each));
            each.entities().forEach(e -> entities.add(JSON.valueToTree(e)));
        }));
        alert.ifPresent(alerts::add);
        alert.map(found -> found.get("Entities")).filter(JsonNode::isArray).ifPresent(list -> list.forEach(entities::add));
        entity.ifPresent(entities::add);
        ArrayNode entityList = values.putArray(PlaybookScope.ENTITIES);
        entities.forEach(entityList::add);
        values.set(PlaybookScope.ALERT, alert.orElse(NullNode.getInstance()));
        values.set(PlaybookScope.ENTITY, entity.orElse(NullNode.getInstance()));
        values.set(PlaybookScope.INPUTS, inputs);
        values.put(PlaybookScope.INCIDENT_NUMBER, incident.map(Incident::number).orElse(0L));
        values.put(PlaybookScope.INCIDENT_NAME, incident.map(Incident::name).orElse(""));
        values.put(PlaybookScope.INCIDENT_TITLE, incident.map(Incident::title).orElse(""));
        values.put(PlaybookScope.INCIDENT_SEVERITY, incident.map(found -> found.severity().sentinelName()).orElse(""));
        values.put(PlaybookScope.INCIDENT_STATUS, incident.map(found -> found.status().sentinelName()).orElse(""));
        return values;
    }

    /** The run's starting variables, with the secrets as their markers. */
    static Bindings bindings(JsonNode inputs, SecretValues secrets) {
        ExpressionScope scope = PlaybookScope.base();
        Bindings bindings = Bindings.none();
        for (Map.Entry<String, KqlType> name : scope.variables().entrySet()) {
            JsonNode value = name.getKey().equals(PlaybookScope.SECRETS) ? secrets.binding() : inputs.get(name.getKey());
            bindings = bindings.with(name.getKey(), name.getValue(), value);
        }
        return bindings;
    }

    private static ObjectNode incident(Incident incident) {
        ObjectNode value = JSON.createObjectNode();
        value.put("IncidentNumber", incident.number());
        value.put("IncidentName", incident.name());
        value.put("Title", incident.title());
        value.put("Description", incident.description());
        value.put("Severity", incident.severity().sentinelName());
        value.put("Status", incident.status().sentinelName());
        incident.closure().ifPresent(closure -> {
            value.put("Classification", closure.classification().sentinelName());
            value.put("ClassificationComment", closure.comment());
        });
        ObjectNode owner = value.putObject("Owner");
        owner.put("assignedTo", incident.owner().assignedTo());
        owner.put("email", incident.owner().email());
        owner.put("userPrincipalName", incident.owner().userPrincipalName());
        owner.put("objectId", incident.owner().objectId());
        ArrayNode labels = value.putArray("Labels");
        incident.labels().stream().map(IncidentLabel::name).forEach(labels::add);
        value.put("ProviderName", incident.providerName());
        value.put("CreatedTime", incident.createdTime().toString());
        value.put("LastModifiedTime", incident.lastModifiedTime().toString());
        ArrayNode alertIds = value.putArray("AlertIds");
        incident.alerts().forEach(alert -> alertIds.add(alert.systemAlertId()));
        ArrayNode rules = value.putArray("RelatedAnalyticRuleIds");
        incident.relatedAnalyticRuleIds().forEach(rules::add);
        return value;
    }

    private static ObjectNode alert(IncidentAlert alert) {
        ObjectNode value = JSON.createObjectNode();
        value.put("SystemAlertId", alert.systemAlertId());
        value.put("AlertName", alert.displayName());
        value.put("AlertSeverity", alert.alertSeverity().sentinelName());
        value.put("Status", alert.status());
        value.put("ProductName", alert.productName());
        value.put("ProviderName", alert.providerName());
        value.put("StartTime", alert.startTime().toString());
        value.put("EndTime", alert.endTime().toString());
        ArrayNode tactics = value.putArray("Tactics");
        alert.tactics().forEach(tactics::add);
        value.set("Entities", JSON.valueToTree(alert.entities()));
        return value;
    }
}
