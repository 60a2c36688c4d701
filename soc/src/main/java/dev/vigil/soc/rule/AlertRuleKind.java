package dev.vigil.soc.rule;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of analytics rule, named as Sentinel's {@code alertRules} resource names them in {@code kind}. */
public enum AlertRuleKind {
    SCHEDULED("Scheduled"),
    NRT("NRT"),
    MICROSOFT_SECURITY_INCIDENT_CREATION("MicrosoftSecurityIncidentCreation");

    private final String armName;

    AlertRuleKind(String armName) {
        this.armName = armName;
    }

    /** The name in the API, e.g. {@code MicrosoftSecurityIncidentCreation}. */
    public String armName() {
        return armName;
    }

    public static Optional<AlertRuleKind> fromArmName(String name) {
        return Arrays.stream(values()).filter(k -> k.armName.equals(name)).findFirst();
    }
}
