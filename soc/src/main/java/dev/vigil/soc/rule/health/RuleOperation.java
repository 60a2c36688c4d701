package dev.vigil.soc.rule.health;

import dev.vigil.soc.rule.AlertRuleKind;

/**
 * What a health record tells about a rule, named as {@code SentinelHealth.OperationName} names it.
 * Sentinel records only Scheduled and NRT runs; the other two follow the same wording.
 */
public enum RuleOperation {
    /** A Scheduled rule's query, run at its scheduled time. */
    SCHEDULED_RUN("Scheduled analytics rule run", true),
    /** A near-real-time rule's query, run over newly ingested rows. */
    NRT_RUN("NRT analytics rule run", true),
    /** A Microsoft Security rule filtering the newly ingested alerts of its product into incidents. */
    MICROSOFT_SECURITY_RUN("Microsoft Security analytics rule run", true),
    /** Incidents made of a Scheduled or NRT rule's alerts, after the rule's own run wrote them. */
    INCIDENT_CREATION("Analytics rule incident creation", false);

    private final String operationName;
    private final boolean ruleRun;

    RuleOperation(String operationName, boolean ruleRun) {
        this.operationName = operationName;
        this.ruleRun = ruleRun;
    }

    public String operationName() {
        return operationName;
    }

    /** Whether this is the rule's own run, which its {@code lastRun} shows. */
    public boolean isRuleRun() {
        return ruleRun;
    }

    /** The run of a rule of this kind. */
    public static RuleOperation runOf(AlertRuleKind kind) {
        return switch (kind) {
            case SCHEDULED -> SCHEDULED_RUN;
            case NRT -> NRT_RUN;
            case MICROSOFT_SECURITY_INCIDENT_CREATION -> MICROSOFT_SECURITY_RUN;
        };
    }
}
