package dev.vigil.soc.rule.template;

import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.soc.rule.AlertRuleProperties;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A rule of the gallery, ready to be made into a rule of a workspace.
 *
 * @param id the template's GUID, which a rule made from it keeps as {@code alertRuleTemplateName}
 * @param source where the template comes from: the Sentinel solution's rule it follows, or "Microsoft Security"
 * @param properties the rule it makes (enabled)
 */
public record AlertRuleTemplate(String id, String source, AlertRuleProperties properties, List<RequiredDataConnector> requiredDataConnectors,
        String version, Instant lastUpdatedDateUtc) {
    public AlertRuleTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(properties, "properties");
        requiredDataConnectors = List.copyOf(requiredDataConnectors);
    }

    public AlertRuleKind kind() {
        return properties.kind();
    }

    /** A data connector whose data the template's rule reads. */
    public record RequiredDataConnector(String connectorId, List<String> dataTypes) {
        public RequiredDataConnector {
            dataTypes = List.copyOf(dataTypes);
        }
    }
}
