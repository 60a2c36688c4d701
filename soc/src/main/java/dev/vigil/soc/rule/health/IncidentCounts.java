package dev.vigil.soc.rule.health;

/**
 * What a run of incident creation did for one rule.
 *
 * @param created incidents made of alerts that passed the rule (an alert passing two rules counts for both)
 * @param updated incidents that took a later version of their alert, or another alert of the rule's grouping
 */
public record IncidentCounts(int created, int updated) {
    public IncidentCounts {
        if (created < 0 || updated < 0) {
            throw new IllegalArgumentException("incident counts cannot be negative, were " + created + " and " + updated);
        }
    }
}
