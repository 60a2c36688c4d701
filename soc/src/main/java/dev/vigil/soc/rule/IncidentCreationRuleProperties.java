package dev.vigil.soc.rule;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Microsoft Security rule: a filter over the alerts of one product, each alert that passes
 * becoming an incident of its own.
 *
 * @param severitiesFilter the severities that pass; empty lets all pass
 * @param displayNamesFilter alerts whose display name contains one of these pass; empty lets all pass
 * @param displayNamesExcludeFilter alerts whose display name contains one of these never pass
 */
public record IncidentCreationRuleProperties(String displayName, String description, boolean enabled, Optional<String> alertRuleTemplateName,
        String productFilter, List<AlertSeverity> severitiesFilter, List<String> displayNamesFilter, List<String> displayNamesExcludeFilter)
        implements AlertRuleProperties {

    /** The products whose alerts these rules can filter, as Sentinel lists them. */
    public static final List<String> PRODUCTS = List.of(
            "Azure Active Directory Identity Protection",
            "Azure Advanced Threat Protection",
            "Azure Security Center",
            "Azure Security Center for IoT",
            "Microsoft Cloud App Security",
            "Microsoft Defender Advanced Threat Protection",
            "Office 365 Advanced Threat Protection");

    public IncidentCreationRuleProperties {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(alertRuleTemplateName, "alertRuleTemplateName");
        Objects.requireNonNull(productFilter, "productFilter");
        severitiesFilter = List.copyOf(severitiesFilter);
        displayNamesFilter = List.copyOf(displayNamesFilter);
        displayNamesExcludeFilter = List.copyOf(displayNamesExcludeFilter);
    }

    @Override
    public IncidentCreationRuleProperties withEnabled(boolean on) {
        return new IncidentCreationRuleProperties(displayName, description, on, alertRuleTemplateName, productFilter, severitiesFilter,
                displayNamesFilter, displayNamesExcludeFilter);
    }

    @Override
    public AlertRuleKind kind() {
        return AlertRuleKind.MICROSOFT_SECURITY_INCIDENT_CREATION;
    }

    /** Whether an alert of this product, severity and display name passes the filter (the rule's being enabled aside). */
    public boolean matches(String productName, String severity, String alertDisplayName) {
        if (!productFilter.equals(productName)) {
            return false;
        }
        if (!severitiesFilter.isEmpty() && AlertSeverity.parse(severity).filter(severitiesFilter::contains).isEmpty()) {
            return false;
        }
        String name = alertDisplayName == null ? "" : alertDisplayName;
        if (!displayNamesFilter.isEmpty() && displayNamesFilter.stream().noneMatch(name::contains)) {
            return false;
        }
        return displayNamesExcludeFilter.stream().noneMatch(name::contains);
    }
}
