package dev.vigil.soc.incident;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An incident version as a {@code SecurityIncident} row, column for column as Sentinel writes
 * it: {@code Owner}, {@code Labels}, {@code Comments}, {@code AlertIds}, {@code AdditionalData}
 * as JSON; {@code TenantId} and {@code Type} are filled in by the workspace.
 */
final class SecurityIncidentRows {
    static final String TABLE = "SecurityIncident";

    private final Function<Incident, String> incidentUrl;

    /** @param incidentUrl where the incident is read in our API */
    SecurityIncidentRows(Function<Incident, String> incidentUrl) {
        this.incidentUrl = incidentUrl;
    }

    Map<String, Object> row(Incident incident) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", time(incident.lastModifiedTime()));
        row.put("IncidentName", incident.name());
        row.put("IncidentNumber", incident.number());
        row.put("Title", incident.title());
        row.put("Description", incident.description());
        row.put("Severity", incident.severity().sentinelName());
        row.put("Status", incident.status().sentinelName());
        row.put("Classification", incident.closure().map(c -> c.classification().sentinelName()).orElse(""));
        row.put("ClassificationReason", incident.closure().flatMap(Closure::reason).map(ClassificationReason::sentinelName).orElse(""));
        row.put("ClassificationComment", incident.closure().map(Closure::comment).orElse(""));
        row.put("Owner", owner(incident.owner()));
        row.put("ProviderName", incident.providerName());
        row.put("ProviderIncidentId", Long.toString(incident.number()));
        row.put("FirstActivityTime", time(incident.firstActivityTime()));
        row.put("LastActivityTime", time(incident.lastActivityTime()));
        row.put("FirstModifiedTime", time(incident.firstModifiedTime()));
        row.put("LastModifiedTime", time(incident.lastModifiedTime()));
        row.put("CreatedTime", time(incident.createdTime()));
        row.put("ClosedTime", time(incident.closedTime()));
        row.put("RelatedAnalyticRuleIds", incident.relatedAnalyticRuleIds());
        row.put("AlertIds", incident.alertIds());
        row.put("BookmarkIds", incident.bookmarkIds());
        row.put("Comments", incident.comments().stream().map(SecurityIncidentRows::comment).toList());
        row.put("Tasks", incident.tasks().stream().map(SecurityIncidentRows::task).toList());
        row.put("Labels", incident.labels().stream().map(SecurityIncidentRows::label).toList());
        row.put("IncidentUrl", incidentUrl.apply(incident));
        row.put("AdditionalData", additionalData(incident));
        row.put("ModifiedBy", incident.modifiedBy());
        row.put("SourceSystem", "Azure");
        return row;
    }

    /** Sentinel writes an unassigned owner as an object of nulls. */
    static Map<String, Object> owner(IncidentOwner owner) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("objectId", emptyAsNull(owner.objectId()));
        json.put("email", emptyAsNull(owner.email()));
        json.put("assignedTo", emptyAsNull(owner.assignedTo()));
        json.put("userPrincipalName", emptyAsNull(owner.userPrincipalName()));
        return json;
    }

    static Map<String, Object> label(IncidentLabel label) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("labelName", label.name());
        json.put("labelType", label.type().sentinelName());
        return json;
    }

    static Map<String, Object> comment(IncidentComment comment) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("name", comment.author());
        author.put("userPrincipalName", comment.author());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("message", comment.message());
        json.put("createdTimeUtc", comment.createdTime().toString());
        json.put("author", author);
        return json;
    }

    static Map<String, Object> task(IncidentTask task) {
        Map<String, Object> createdBy = new LinkedHashMap<>();
        createdBy.put("name", task.createdBy());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("taskId", task.id());
        json.put("title", task.title());
        json.put("description", task.description());
        json.put("status", task.status().name());
        json.put("createdTimeUtc", task.createdTime().toString());
        json.put("createdBy", createdBy);
        return json;
    }

    static Map<String, Object> additionalData(Incident incident) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertsCount", incident.alerts().size());
        data.put("bookmarksCount", incident.bookmarkIds().size());
        data.put("commentsCount", incident.comments().size());
        data.put("alertProductNames", incident.alertProductNames());
        data.put("tactics", incident.tactics());
        data.put("techniques", incident.techniques());
        return data;
    }

    private static String time(Instant instant) {
        return instant.toString();
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }

    private static String emptyAsNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
