package dev.vigil.server.console.connectors;

import dev.vigil.server.console.Permit;
import java.util.Optional;

/**
 * The connector's Create incidents option: the Microsoft Security rule that turns Defender for
 * IoT alerts into incidents.
 *
 * @param ruleName the rule the option made, once made
 * @param ruleHref its page under Analytics
 * @param message what the last Enable or Disable did, or why it could not
 */
public record IncidentCreation(boolean enabled, Optional<String> ruleName, Optional<String> ruleHref, Permit permit, Optional<String> message,
        String enableAction, String disableAction) {
}
