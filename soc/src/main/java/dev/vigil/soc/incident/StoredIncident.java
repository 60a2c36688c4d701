package dev.vigil.soc.incident;

import java.util.List;

/**
 * The document an incident is kept as: its current version, and its changes that were not
 * consumed by the log and every follower when it was last written (those consumed since are
 * ignored on load, and dropped at the next write).
 */
record StoredIncident(Incident incident, List<UnloggedChange> unlogged) {
    StoredIncident {
        unlogged = List.copyOf(unlogged);
    }
}
