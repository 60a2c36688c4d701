package dev.vigil.server.api.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.soc.incident.Closure;
import dev.vigil.soc.incident.IncidentLabel;
import dev.vigil.soc.incident.IncidentOwner;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.IncidentStatus;
import dev.vigil.soc.incident.IncidentUpdate;
import dev.vigil.soc.incident.LabelType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request body about an incident, read as a JSON tree so that an absent property (leave it)
 * differs from a present one; every wrong type is refused naming the property's path.
 */
final class IncidentRequestBody {
    private final JsonNode root;

    private IncidentRequestBody(JsonNode root) {
        this.root = root;
    }

    static IncidentRequestBody of(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new IncidentRequestBody(JsonNodeFactory.instance.objectNode());
        }
        if (!root.isObject()) {
            throw new InvalidRequestException("the body must be a JSON object");
        }
        return new IncidentRequestBody(root);
    }

    /** The {@code properties} object of a resource body; absent means empty. */
    IncidentRequestBody properties() {
        JsonNode properties = root.path("properties");
        if (!properties.isMissingNode() && !properties.isObject()) {
            throw new InvalidRequestException("'properties' must be a JSON object");
        }
        return new IncidentRequestBody(properties.isMissingNode() ? JsonNodeFactory.instance.objectNode()
                : properties);
    }

    /** The body's {@code etag}, if any. */
    Optional<String> etag() {
        return text("etag");
    }

    Optional<String> text(String name) {
        JsonNode value = root.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException("'" + name + "' must be a string");
        }
        return Optional.of(value.asText());
    }

    /** The properties an update may set: title, description, severity, status (with the classification when Closed), owner, labels. */
    IncidentUpdate update() {
        IncidentUpdate update = IncidentUpdate.none();
        update = text("title").map(update::withTitle).orElse(update);
        update = text("description").map(update::withDescription).orElse(update);
        update = text("severity").map(IncidentSeverity::named).map(update::withSeverity).orElse(update);
        update = text("status").map(IncidentStatus::named).map(update::withStatus).orElse(update);
        Optional<String> classification = text("classification");
        if (classification.isPresent()) {
            update = update.withClosure(closure());
        }
        if (root.has("owner")) {
            update = update.withOwner(owner());
        }
        if (root.has("labels")) {
            update = update.withLabels(labels());
        }
        return update;
    }

    /** {@code classification}, {@code classificationReason}, {@code classificationComment}. */
    Closure closure() {
        return Closure.of(text("classification").orElse(null), text("classificationReason").orElse(null),
                text("classificationComment").orElse(""));
    }

    /** An object with Sentinel's owner fields; null or {@code {}} unassigns. */
    IncidentOwner owner() {
        JsonNode owner = root.path("owner");
        if (owner.isNull() || owner.isMissingNode()) {
            return IncidentOwner.UNASSIGNED;
        }
        if (!owner.isObject()) {
            throw new InvalidRequestException("'owner' must be an object with objectId, email, assignedTo and userPrincipalName");
        }
        IncidentRequestBody fields = new IncidentRequestBody(owner);
        return new IncidentOwner(fields.text("objectId").orElse(""), fields.text("email").orElse(""),
                fields.text("assignedTo").orElse(fields.text("userPrincipalName").orElse("")), fields.text("userPrincipalName").orElse(""));
    }

    /** An array of {@code {labelName, labelType}} objects (or of plain names); labelType defaults to User. */
    List<IncidentLabel> labels() {
        JsonNode labels = root.path("labels");
        if (labels.isNull() || labels.isMissingNode()) {
            return List.of();
        }
        if (!labels.isArray()) {
            throw new InvalidRequestException("'labels' must be an array of {\"labelName\": ..., \"labelType\": \"User\"}");
        }
        List<IncidentLabel> read = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            JsonNode label = labels.get(i);
            if (label.isTextual()) {
                read.add(IncidentLabel.user(label.asText()));
            } else if (label.isObject() && label.path("labelName").isTextual()) {
                String type = label.path("labelType").isTextual() ? label.path("labelType").asText() : "User";
                read.add(new IncidentLabel(label.path("labelName").asText(), LabelType.named(type)));
            } else {
                throw new InvalidRequestException("'labels[" + i + "]' must be an object with a string 'labelName'");
            }
        }
        return read;
    }
}
