package dev.vigil.kql.plan;

import java.util.Optional;

/** The flavours of {@code join}, as Kusto names them. */
public enum JoinKind {
    INNERUNIQUE("innerunique"),
    INNER("inner"),
    LEFTOUTER("leftouter"),
    RIGHTOUTER("rightouter"),
    FULLOUTER("fullouter"),
    LEFTSEMI("leftsemi"),
    LEFTANTI("leftanti"),
    RIGHTSEMI("rightsemi"),
    RIGHTANTI("rightanti");

    private final String kqlName;

    JoinKind(String kqlName) {
        this.kqlName = kqlName;
    }

    public String kqlName() {
        return kqlName;
    }

    /** The kind named in a query, accepting Kusto's aliases ({@code anti}, {@code leftantisemi}, ...). */
    public static Optional<JoinKind> fromName(String name) {
        switch (name) {
            case "innerunique": return Optional.of(INNERUNIQUE);
            case "inner": return Optional.of(INNER);
            case "leftouter": return Optional.of(LEFTOUTER);
            case "rightouter": return Optional.of(RIGHTOUTER);
            case "fullouter": case "outer": return Optional.of(FULLOUTER);
            case "leftsemi": case "semi": return Optional.of(LEFTSEMI);
            case "leftanti": case "anti": case "leftantisemi": return Optional.of(LEFTANTI);
            case "rightsemi": return Optional.of(RIGHTSEMI);
            case "rightanti": case "rightantisemi": return Optional.of(RIGHTANTI);
            default: return Optional.empty();
        }
    }

    public boolean keepsLeftColumnsOnly() {
        return this == LEFTSEMI || this == LEFTANTI;
    }

    public boolean keepsRightColumnsOnly() {
        return this == RIGHTSEMI || this == RIGHTANTI;
    }
}
