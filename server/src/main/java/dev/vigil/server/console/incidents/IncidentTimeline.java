package dev.vigil.server.console.incidents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.console.layout.DisplayTime;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentComment;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What happened to an incident, oldest first, with who did it: read from its {@code SecurityIncident} rows (one per
 * change, each the whole incident as of then) by comparing each row with the one before, and its comments. Queries
 * return datetimes as ISO text and dynamic values as JSON text.
 */
public final class IncidentTimeline {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One thing that happened. */
    public record Entry(Instant at, String time, String who, String what) {
    }

    /** A {@code SecurityIncident} row, reduced to what the timeline compares. */
    private record Version(Instant at, String severity, String status, String owner, String classification, String reason, int alerts,
            String modifiedBy) {
    }

    private IncidentTimeline() {
    }

    static List<Entry> of(LogStore logStore, Incident incident) {
        List<Entry> entries = new ArrayList<>();
        Version before = null;
        for (Version version : versions(logStore, incident)) {
            if (before == null) {
                entries.add(entry(version, "Created with severity " + version.severity() + (version.alerts() == 0 ? ""
                        : " and " + alerts(version.alerts()))));
            } else {
                changes(before, version, entries);
            }
            before = version;
        }
        for (IncidentComment comment : incident.comments()) {
            entries.add(new Entry(comment.createdTime(), DisplayTime.format(comment.createdTime()), comment.author(), "Commented"));
        }
        entries.sort(Comparator.comparing(Entry::at));
        return entries;
    }

    private static void changes(Version before, Version after, List<Entry> entries) {
        if (after.alerts() > before.alerts()) {
            entries.add(entry(after, alerts(after.alerts() - before.alerts()) + " added"));
        }
        if (!after.severity().equals(before.severity())) {
            entries.add(entry(after, "Severity changed from " + before.severity() + " to " + after.severity()));
        }
        if (!after.owner().equals(before.owner())) {
            entries.add(entry(after, after.owner().isEmpty() ? "Unassigned" : "Assigned to " + after.owner()));
        }
        if (!after.status().equals(before.status())) {
            if (after.status().equals("Closed")) {
                entries.add(entry(after, "Closed as " + after.classification() + (after.reason().isEmpty() ? "" : " (" + after.reason() + ")")));
            } else if (before.status().equals("Closed")) {
                entries.add(entry(after, "Reopened"));
            } else {
                entries.add(entry(after, "Status changed from " + before.status() + " to " + after.status()));
            }
        }
    }

    private static Entry entry(Version version, String what) {
        return new Entry(version.at(), DisplayTime.format(version.at()), version.modifiedBy(), what);
    }

    private static String alerts(int count) {
        return count + (count == 1 ? " alert" : " alerts");
    }

    private static List<Version> versions(LogStore logStore, Incident incident) {
        String query = "SecurityIncident | where IncidentNumber == " + incident.number()
                + " | project TimeGenerated, Severity, Status, Owner, Classification, ClassificationReason, AlertIds, ModifiedBy"
                + " | order by TimeGenerated asc";
        List<Version> versions = new ArrayList<>();
        for (List<Object> row : logStore.query(incident.workspaceId(), QueryRequest.of(query)).primary().rows()) {
            if (row.get(0) != null) {
                versions.add(new Version(Instant.parse(row.get(0).toString()), text(row.get(1)), text(row.get(2)), json(row.get(3)).path("assignedTo").asText(""),
                        text(row.get(4)), text(row.get(5)), json(row.get(6)).size(), text(row.get(7))));
            }
        }
        return versions;
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }

    /** A dynamic value, which queries return as JSON text. */
    private static JsonNode json(Object value) {
        try {
            return JSON.readTree(value == null ? "null" : value.toString());
        } catch (JsonProcessingException e) {
            return JSON.missingNode();
        }
    }
}
