package dev.vigil.server.api.incidents;

import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentTask;
import dev.vigil.soc.incident.Incidents;
import java.time.Instant;

/** An incident task in the shape of Sentinel's task resource. */
record TaskJson(String id, String name, Properties properties) {
    record Properties(String title, String description, String status, Instant createdTimeUtc, CreatedBy createdBy) {
    }

    record CreatedBy(String name, String userPrincipalName) {
    }

    static TaskJson of(Incident incident, IncidentTask task) {
        return new TaskJson(Incidents.path(incident) + "/tasks/" + task.id(), task.id(), new Properties(task.title(), task.description(),
                task.status().name(), task.createdTime(), new CreatedBy(task.createdBy(), task.createdBy())));
    }
}
