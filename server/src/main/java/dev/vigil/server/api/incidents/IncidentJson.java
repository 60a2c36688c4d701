package dev.vigil.server.api.incidents;

import dev.vigil.soc.incident.ClassificationReason;
import dev.vigil.soc.incident.Closure;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentLabel;
import dev.vigil.soc.incident.IncidentOwner;
import dev.vigil.soc.incident.Incidents;
import java.time.Instant;
import java.util.List;

/**
 * An incident as the API shows it, in the shape of Sentinel's incident resource: {@code name}
 * (the GUID), {@code etag}, and {@code properties} with Sentinel's property names.
 */
record IncidentJson(String id, String name, String etag, String type, Properties properties) {
    static final String TYPE = "Microsoft.SecurityInsights/Incidents";

    record Properties(long incidentNumber, String title, String description, String severity, String status, String classification,
            String classificationReason, String classificationComment, OwnerJson owner, List<LabelJson> labels,
            Instant firstActivityTimeUtc, Instant lastActivityTimeUtc, Instant createdTimeUtc, Instant lastModifiedTimeUtc,
            Instant firstModifiedTimeUtc, Instant closedTimeUtc, List<String> relatedAnalyticRuleIds, AdditionalData additionalData,
            String incidentUrl, String providerName, String providerIncidentId, String modifiedBy) {
    }

    record OwnerJson(String objectId, String email, String assignedTo, String userPrincipalName) {
        static OwnerJson of(IncidentOwner owner) {
            return new OwnerJson(emptyAsNull(owner.objectId()), emptyAsNull(owner.email()), emptyAsNull(owner.assignedTo()),
                    emptyAsNull(owner.userPrincipalName()));
        }
    }

    record LabelJson(String labelName, String labelType) {
        static LabelJson of(IncidentLabel label) {
            return new LabelJson(label.name(), label.type().sentinelName());
        }
    }

    record AdditionalData(int alertsCount, int bookmarksCount, int commentsCount, List<String> alertProductNames, List<String> tactics,
            List<String> techniques) {
    }

    /** @param baseUrl the server's address as the client reached it, for {@code incidentUrl} */
    static IncidentJson of(Incident incident, String baseUrl) {
        String path = Incidents.path(incident);
        Properties properties = new Properties(incident.number(), incident.title(), incident.description(), incident.severity().sentinelName(),
                incident.status().sentinelName(), incident.closure().map(c -> c.classification().sentinelName()).orElse(null),
                incident.closure().flatMap(Closure::reason).map(ClassificationReason::sentinelName).orElse(null),
                incident.closure().map(Closure::comment).orElse(null), OwnerJson.of(incident.owner()),
                incident.labels().stream().map(LabelJson::of).toList(), incident.firstActivityTime().orElse(null),
                incident.lastActivityTime().orElse(null), incident.createdTime(), incident.lastModifiedTime(),
                incident.firstModifiedTime().orElse(null), incident.closedTime().orElse(null), incident.relatedAnalyticRuleIds(),
                new AdditionalData(incident.alerts().size(), incident.bookmarkIds().size(), incident.comments().size(), incident.alertProductNames(), incident.tactics(),
                        incident.techniques()),
                baseUrl + path, incident.providerName(), Long.toString(incident.number()), incident.modifiedBy());
        return new IncidentJson(path, incident.name(), incident.etag(), TYPE, properties);
    }

    private static String emptyAsNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
