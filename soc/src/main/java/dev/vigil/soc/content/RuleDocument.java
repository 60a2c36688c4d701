package dev.vigil.soc.content;

import dev.vigil.soc.rule.AlertRuleProperties;
import java.util.Objects;
import java.util.Optional;

/** An analytic rule as a content file gives it: its id, its version if the file has one, and the rule. */
record RuleDocument(String id, Optional<String> version, AlertRuleProperties properties) {
    RuleDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(properties, "properties");
    }
}
