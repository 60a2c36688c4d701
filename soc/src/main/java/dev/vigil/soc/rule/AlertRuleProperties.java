package dev.vigil.soc.rule;

import java.util.Optional;

/** What a rule of each kind is made of: the {@code properties} of Sentinel's {@code alertRules} resource. */
public sealed interface AlertRuleProperties permits QueryRuleProperties, IncidentCreationRuleProperties {

    AlertRuleKind kind();

    String displayName();

    String description();

    boolean enabled();

    /** The template the rule was made from, if any. */
    Optional<String> alertRuleTemplateName();

    /** The same rule, enabled or disabled. */
    AlertRuleProperties withEnabled(boolean enabled);
}
