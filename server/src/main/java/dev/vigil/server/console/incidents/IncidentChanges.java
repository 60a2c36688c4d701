package dev.vigil.server.console.incidents;

import dev.vigil.soc.incident.IncidentEvent;
import dev.vigil.soc.incident.IncidentListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many incident changes each workspace has logged since the server started: an open queue renders again only
 * when its workspace's count moved, so a quiet workspace costs its open pages nothing. Told after a change's
 * {@code SecurityIncident} row is committed, so the counts read afterwards include it.
 */
final class IncidentChanges implements IncidentListener {
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();

    @Override
    public void incidentChanged(IncidentEvent event) {
        versions.computeIfAbsent(event.workspaceId(), id -> new AtomicLong()).incrementAndGet();
    }

    long version(String workspace) {
        AtomicLong version = versions.get(workspace);
        return version == null ? 0 : version.get();
    }
}
