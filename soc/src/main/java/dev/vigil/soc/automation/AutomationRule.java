package dev.vigil.soc.automation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A saved automation rule of a workspace.
 *
 * @param id the rule's name in the API ({@code automationRules/{id}})
 * @param order rules run from the lowest order up; rules of the same order by creation, then id
 * @param actions in their {@code order}
 * @param revision counts the rule's saves from 1; the etag is made of it
 */
public record AutomationRule(String workspaceId, String id, String displayName, int order, TriggeringLogic triggeringLogic,
        List<AutomationAction> actions, Instant createdTimeUtc, Instant lastModifiedTimeUtc, String createdBy, String lastModifiedBy, long revision) {

    /** The order rules of a workspace run in. */
    public static final Comparator<AutomationRule> RUN_ORDER = Comparator.comparingInt(AutomationRule::order)
            .thenComparing(AutomationRule::createdTimeUtc).thenComparing(AutomationRule::id);

    public AutomationRule {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(triggeringLogic, "triggeringLogic");
        actions = actions.stream().sorted(Comparator.comparingInt(AutomationAction::order)).toList();
        Objects.requireNonNull(createdTimeUtc, "createdTimeUtc");
        Objects.requireNonNull(lastModifiedTimeUtc, "lastModifiedTimeUtc");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(lastModifiedBy, "lastModifiedBy");
    }

    public String etag() {
        return "\"" + revision + "\"";
    }

    /** How the rule signs the changes it makes: {@code ModifiedBy} of the incident and its {@code SecurityIncident} row. */
    public String signature() {
        return "Automation rule - " + displayName;
    }

    /**
     * Whether the rule acts on this change at {@code now}: enabled, not expired, triggered by its
     * kind (an incident change, or a new alert) and every condition holding.
     */
    public boolean actsOn(TriggeringChange change, Instant now) {
        TriggeringLogic logic = triggeringLogic;
        if (!logic.activeAt(now) || (logic.triggersOn() == TriggersOn.Alerts) != change.isAlert()) {
            return false;
        }
        // a new alert is always a creation; rules triggered by alerts are saved with Created alone
        boolean creation = change.isAlert() || change.event().isCreation();
        if (creation != (logic.triggersWhen() == TriggersWhen.Created)) {
            return false;
        }
        for (AutomationCondition condition : logic.conditions()) {
            if (!condition.holds(change)) {
                return false;
            }
        }
        return true;
    }
}
