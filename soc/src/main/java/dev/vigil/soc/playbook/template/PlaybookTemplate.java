package dev.vigil.soc.playbook.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A built-in playbook to install.
 *
 * @param playbook the playbook document, as a user would PUT it
 * @param automationRule what the rule that runs it holds ({@code displayName}, {@code order}, {@code triggersWhen},
 *     {@code conditions}); none for the playbooks that are run by hand
 */
public record PlaybookTemplate(String name, String displayName, String description, JsonNode playbook, Optional<JsonNode> automationRule) {
    public PlaybookTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(automationRule, "automationRule");
    }
}
