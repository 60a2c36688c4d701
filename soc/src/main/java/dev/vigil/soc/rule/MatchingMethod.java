package dev.vigil.soc.rule;

/** How alerts of a rule are grouped into an open incident. */
public enum MatchingMethod {
    /** Alerts whose mapped entities are all equal. */
    AllEntities,
    /** Every alert of the rule within the lookback. */
    AnyAlert,
    /** Alerts equal on the chosen entity types, alert details and custom details. */
    Selected
}
