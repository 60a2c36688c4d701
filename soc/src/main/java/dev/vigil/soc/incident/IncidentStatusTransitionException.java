package dev.vigil.soc.incident;

/** A status change the incident lifecycle does not allow, e.g. closing a closed incident or reopening an open one. */
public final class IncidentStatusTransitionException extends IncidentException {
    IncidentStatusTransitionException(Incident incident, IncidentStatus to, String hint) {
        super("InvalidStatusTransition", "incident " + incident.number() + " is " + incident.status().sentinelName()
                + " and cannot become " + to.sentinelName() + ": " + hint);
    }
}
