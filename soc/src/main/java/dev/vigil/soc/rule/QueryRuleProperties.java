package dev.vigil.soc.rule;

/** Rules that run a KQL query and raise alerts of their own: Scheduled and NRT. */
public sealed interface QueryRuleProperties extends AlertRuleProperties permits ScheduledRuleProperties, NrtRuleProperties {

    DetectionQuery detection();

    /** The same rule with another detection (query, severity...). */
    QueryRuleProperties withDetection(DetectionQuery newDetection);
}
