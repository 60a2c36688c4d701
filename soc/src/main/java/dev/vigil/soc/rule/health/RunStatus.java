package dev.vigil.soc.rule.health;

/** How a rule run ended, as {@code SentinelHealth.Status} says it. */
public enum RunStatus {
    Success, Failure
}
