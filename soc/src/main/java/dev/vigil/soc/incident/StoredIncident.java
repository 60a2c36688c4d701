package dev.vigil.soc.incident;

import java.util.List;

/**
 * The document an incident is kept as: its current version, and the changes whose rows were
 * not logged when it was last written (those at or below the log's checkpoint are ignored, and
 * dropped at the next write).
 */
record StoredIncident(Incident incident, List<UnloggedChange> unlogged) {
    StoredIncident {
        unlogged = List.copyOf(unlogged);
    }
}
