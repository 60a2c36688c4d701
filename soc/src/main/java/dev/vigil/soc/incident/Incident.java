package dev.vigil.soc.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One incident of a workspace, as of its latest change.
 *
 * @param name the incident's GUID, Sentinel's {@code IncidentName}; derived from the workspace and {@code key}
 * @param number the workspace's sequential {@code IncidentNumber}, from 1, never reused
 * @param key what the incident was created for (an alert's SystemAlertId, a rule and grouping key...); a second
 *     create with the same key returns this incident
 * @param closure present exactly when the status is Closed
 * @param tasks the incident's tasks, in the order they were added
 * @param grouping how the rule that made the incident finds it again for later alerts, if it groups
 * @param firstModifiedTime when the incident was first changed after its creation
 * @param modifiedBy who made the latest change: a user name, or the rule or automation that made it
 * @param revision counts the incident's changes from 1; the etag is made of it
 * @param changeSequence the workspace-wide number of the latest change, which orders {@code SecurityIncident} rows
 * @param bookmarkIds the hunting bookmarks attached to the incident, in the order they were attached
 */
public record Incident(
        String workspaceId,
        String name,
        long number,
        String key,
        String title,
        String description,
        IncidentSeverity severity,
        IncidentStatus status,
        Optional<Closure> closure,
        IncidentOwner owner,
        List<IncidentLabel> labels,
        List<IncidentComment> comments,
        List<IncidentTask> tasks,
        List<IncidentAlert> alerts,
        List<String> relatedAnalyticRuleIds,
        Optional<IncidentGrouping> grouping,
        String providerName,
        Instant createdTime,
        Instant lastModifiedTime,
        Optional<Instant> firstModifiedTime,
        Optional<Instant> closedTime,
        String modifiedBy,
        long revision,
        long changeSequence,
        List<String> bookmarkIds) {

    /** Sentinel's name for itself as the provider of the incidents it creates. */
    public static final String PROVIDER_NAME = "Azure Sentinel";
    static final int MAX_TITLE_LENGTH = 256;
    static final int MAX_DESCRIPTION_LENGTH = 5_000;

    public Incident {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        title = checkedTitle(title);
        description = checkedDescription(description);
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(closure, "closure");
        if (closure.isPresent() != (status == IncidentStatus.CLOSED)) {
            throw new IllegalStateException("incident " + number + ": a closure goes with status Closed and only with it");
        }
        Objects.requireNonNull(owner, "owner");
        labels = List.copyOf(labels);
        comments = List.copyOf(comments);
        // incidents stored before tasks existed have none
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        alerts = List.copyOf(alerts);
        relatedAnalyticRuleIds = List.copyOf(relatedAnalyticRuleIds);
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(createdTime, "createdTime");
        Objects.requireNonNull(lastModifiedTime, "lastModifiedTime");
        Objects.requireNonNull(firstModifiedTime, "firstModifiedTime");
        Objects.requireNonNull(closedTime, "closedTime");
        Objects.requireNonNull(modifiedBy, "modifiedBy");
        // incidents stored before bookmarks existed have none
        bookmarkIds = bookmarkIds == null ? List.of() : List.copyOf(bookmarkIds);
    }

    static String checkedTitle(String title) {
        String text = Objects.requireNonNullElse(title, "").strip();
        if (text.isEmpty()) {
            throw new InvalidIncidentException("an incident needs a non-empty 'title'");
        }
        if (text.length() > MAX_TITLE_LENGTH) {
            throw new InvalidIncidentException("'title' is longer than " + MAX_TITLE_LENGTH + " characters");
        }
        return text;
    }

    static String checkedDescription(String description) {
        String text = Objects.requireNonNullElse(description, "").strip();
        if (text.length() > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidIncidentException("'description' is longer than " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        return text;
    }

    /** The version a change must name to be applied (optimistic concurrency), quoted as an HTTP entity tag. */
    public String etag() {
        return "\"" + revision + "\"";
    }

    /** Whether {@code etag} names this version; quotes and a weak prefix are ignored. */
    public boolean hasEtag(String etag) {
        String bare = etag.strip();
        if (bare.startsWith("W/")) {
            bare = bare.substring(2);
        }
        if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return bare.equals(Long.toString(revision));
    }

    /** The {@code SystemAlertId}s of the incident's alerts, in the order they joined. */
    public List<String> alertIds() {
        return alerts.stream().map(IncidentAlert::systemAlertId).toList();
    }

    /** The earliest {@code StartTime} of the incident's alerts. */
    public Optional<Instant> firstActivityTime() {
        return alerts.stream().map(IncidentAlert::startTime).min(Comparator.naturalOrder());
    }

    /** The latest {@code EndTime} of the incident's alerts. */
    public Optional<Instant> lastActivityTime() {
        return alerts.stream().map(IncidentAlert::endTime).max(Comparator.naturalOrder());
    }

    public List<String> alertProductNames() {
        return distinct(alerts.stream().map(IncidentAlert::productName).filter(s -> !s.isEmpty()).toList());
    }

    public List<String> tactics() {
        return distinct(alerts.stream().flatMap(a -> a.tactics().stream()).toList());
    }

    public List<String> techniques() {
        return distinct(alerts.stream().flatMap(a -> a.techniques().stream()).toList());
    }

    /**
     * The entities of all the incident's alerts, each once: an alert's {@code $id} numbering is
     * its own, so it is dropped before comparing, and bare {@code $ref} items are left out.
     */
    public List<Map<String, Object>> entities() {
        Set<Map<String, Object>> merged = new LinkedHashSet<>();
        for (IncidentAlert alert : alerts) {
            for (Map<String, Object> entity : alert.entities()) {
                Map<String, Object> content = new LinkedHashMap<>(entity);
                content.remove("$id");
                if (!content.isEmpty() && !(content.size() == 1 && content.containsKey("$ref"))) {
                    merged.add(content);
                }
            }
        }
        return new ArrayList<>(merged);
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
