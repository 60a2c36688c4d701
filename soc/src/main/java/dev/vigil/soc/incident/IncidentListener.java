package dev.vigil.soc.incident;

/**
 * Told of every incident change, in the order of the workspace's changes, on the thread that
 * writes {@code SecurityIncident} rows, after the change's row is committed. After a crash, the
 * changes whose rows were not yet written are written and told again on restart; a change whose
 * row was written but whose event was not delivered is not told again, so a listener that must
 * not miss one keeps its own cursor on {@link IncidentEvent#sequence()}.
 *
 * <p>A listener must return quickly and must not wait for other incident changes to be logged
 * (they are logged on the thread it runs on); it may make changes itself. What it throws is
 * logged and does not stop other listeners.
 */
@FunctionalInterface
public interface IncidentListener {
    void incidentChanged(IncidentEvent event);
}
