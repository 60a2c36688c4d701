package dev.vigil.server.api.playbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.playbook.Playbook;
import dev.vigil.soc.playbook.PlaybookTrigger;

/**
 * A playbook as the API answers it: its name, version and who saved it, and its document as saved
 * (secrets listed by name with null values, never their values). The answer can be PUT back as it is.
 */
final class PlaybookJson {
    private PlaybookJson() {
    }

    static ObjectNode write(Playbook playbook) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", playbook.name());
        node.put("id", "/workspaces/" + playbook.workspaceId() + "/playbooks/" + playbook.name());
        node.put("version", playbook.version());
        node.put("etag", playbook.etag());
        node.put("createdTimeUtc", playbook.createdTimeUtc().toString());
        node.put("lastModifiedTimeUtc", playbook.lastModifiedTimeUtc().toString());
        node.put("createdBy", playbook.createdBy());
        node.put("lastModifiedBy", playbook.lastModifiedBy());
        playbook.definition().triggers().stream().map(PlaybookTrigger::kind).forEach(node.putArray("triggers")::add);
        node.set("definition", playbook.definition().document());
        return node;
    }

    /** The document of a PUT body: the body itself, or its {@code definition} when it is what GET answered. */
    static JsonNode definition(JsonNode body) {
        return body != null && body.isObject() && body.has("definition") && !body.has("steps") ? body.get("definition") : body;
    }
}
