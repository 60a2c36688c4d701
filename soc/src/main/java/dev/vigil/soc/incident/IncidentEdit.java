package dev.vigil.soc.incident;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One change of one incident in the making: applies the requested edits to a copy, checks the
 * lifecycle rules, notes which {@code SecurityIncident} columns changed, then yields the next
 * version. Not shared between threads.
 */
final class IncidentEdit {
    private final Incident base;
    private String title;
    private String description;
    private IncidentSeverity severity;
    private IncidentStatus status;
    private Optional<Closure> closure;
    private IncidentOwner owner;
    private List<IncidentLabel> labels;
    private final List<IncidentComment> comments;
    private final List<IncidentTask> tasks;
    private final Map<String, IncidentAlert> alerts;
    private final LinkedHashSet<String> ruleIds;
    private final LinkedHashSet<String> bookmarkIds;
    private Optional<Instant> closedTime;
    private final Set<String> changed = new LinkedHashSet<>();
    private IncidentChangeKind kind = IncidentChangeKind.UPDATED;

    IncidentEdit(Incident base) {
        this.base = base;
        this.title = base.title();
        this.description = base.description();
        this.severity = base.severity();
        this.status = base.status();
        this.closure = base.closure();
        this.owner = base.owner();
        this.labels = base.labels();
        this.comments = new ArrayList<>(base.comments());
        this.tasks = new ArrayList<>(base.tasks());
        this.alerts = new LinkedHashMap<>();
        base.alerts().forEach(alert -> alerts.put(alert.systemAlertId(), alert));
        this.ruleIds = new LinkedHashSet<>(base.relatedAnalyticRuleIds());
        this.bookmarkIds = new LinkedHashSet<>(base.bookmarkIds());
        this.closedTime = base.closedTime();
    }

    /** The first version of an incident. */
    static Incident create(String workspaceId, String name, long number, NewIncident request, Instant now, long sequence) {
        Map<String, IncidentAlert> alerts = new LinkedHashMap<>();
        request.alerts().forEach(alert -> alerts.put(alert.systemAlertId(), alert));
        return new Incident(workspaceId, name, number, request.key(), request.title(), request.description(), request.severity(),
                request.status(), Optional.empty(), request.owner(), distinctLabels(request.labels()), List.of(), List.of(),
                List.copyOf(alerts.values()),
                List.copyOf(new LinkedHashSet<>(request.relatedAnalyticRuleIds())), request.grouping(), Incident.PROVIDER_NAME, now, now,
                Optional.empty(), Optional.empty(), request.createdBy(), 1, sequence, List.of());
    }

    /** The incident's GUID: the same workspace and key always give the same name. */
    static String nameFor(String workspaceId, String key) {
        return UUID.nameUUIDFromBytes((workspaceId + "\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    void apply(IncidentUpdate update, Instant now) {
        update.title().map(Incident::checkedTitle).ifPresent(value -> set("Title", title, value, () -> title = value));
        update.description().map(Incident::checkedDescription).ifPresent(value -> set("Description", description, value, () -> description = value));
        update.severity().ifPresent(value -> set("Severity", severity, value, () -> severity = value));
        update.owner().ifPresent(value -> set("Owner", owner, value, () -> owner = value));
        update.labels().map(IncidentEdit::distinctLabels).ifPresent(value -> set("Labels", labels, value, () -> labels = value));
        if (update.closure().isPresent() && update.status().filter(value -> value != IncidentStatus.CLOSED).isPresent()) {
            throw new InvalidIncidentException("a classification is given only when closing: set 'status' to Closed with it");
        }
        // a classification alone means closing
        update.status().or(() -> update.closure().map(closure -> IncidentStatus.CLOSED))
                .ifPresent(value -> changeStatus(value, update.closure(), now));
    }

    private void changeStatus(IncidentStatus to, Optional<Closure> newClosure, Instant now) {
        if (to == status) {
            if (to == IncidentStatus.CLOSED && newClosure.isPresent() && !newClosure.equals(closure)) {
                throw new IncidentStatusTransitionException(base, to, "reopen it first to close it with another classification");
            }
            return;
        }
        switch (to) {
            case NEW -> throw new IncidentStatusTransitionException(base, to, "an incident never goes back to New; set it Active or Closed");
            case CLOSED -> {
                closure = Optional.of(newClosure.orElseThrow(() -> new InvalidIncidentException(InvalidIncidentException.CLASSIFICATION_REQUIRED,
                        "closing incident " + base.number() + " needs a 'classification' (TruePositive, BenignPositive, FalsePositive or "
                                + "Undetermined) and, except for Undetermined, a 'classificationReason'")));
                closedTime = Optional.of(now);
                kind = IncidentChangeKind.CLOSED;
                changed.add("Classification");
            }
            case ACTIVE -> {
                if (status == IncidentStatus.CLOSED) {
                    reopen();
                }
            }
        }
        status = to;
        changed.add("Status");
    }

    /** Closed back to Active: the classification and the closing time are cleared. */
    private void reopen() {
        closure = Optional.empty();
        closedTime = Optional.empty();
        kind = IncidentChangeKind.REOPENED;
        changed.add("Classification");
    }

    /** Refuses unless the incident is Closed. */
    void reopenClosed() {
        if (status != IncidentStatus.CLOSED) {
            throw new IncidentStatusTransitionException(base, IncidentStatus.ACTIVE, "only a Closed incident can be reopened");
        }
        reopenIfClosed();
    }

    void reopenIfClosed() {
        if (status == IncidentStatus.CLOSED) {
            reopen();
            status = IncidentStatus.ACTIVE;
            changed.add("Status");
        }
    }

    void addComment(String message, String author, Instant now) {
        String id = UUID.nameUUIDFromBytes((base.name() + "/comment/" + comments.size()).getBytes(StandardCharsets.UTF_8)).toString();
        comments.add(new IncidentComment(id, message, author, now));
        kind = IncidentChangeKind.COMMENT_ADDED;
        changed.add("Comments");
    }

    /** Adds the labels the incident does not have yet. */
    void addLabels(List<IncidentLabel> added) {
        List<IncidentLabel> all = new ArrayList<>(labels);
        all.addAll(added);
        List<IncidentLabel> value = distinctLabels(all);
        set("Labels", labels, value, () -> labels = value);
    }

    void addTask(NewIncidentTask task, String author, Instant now) {
        String id = UUID.nameUUIDFromBytes((base.name() + "/task/" + tasks.size()).getBytes(StandardCharsets.UTF_8)).toString();
        tasks.add(new IncidentTask(id, task.title(), task.description(), IncidentTaskStatus.New, now, author));
        changed.add("Tasks");
    }

    /**
     * The values before this change of the changed properties that automation conditions compare
     * ({@code Severity}, {@code Status}, {@code Owner}, and the {@code Labels}, {@code Tactics},
     * {@code AlertIds} and {@code Comments} as they were), for "changed from".
     */
    Map<String, List<String>> previousValues() {
        Map<String, List<String>> previous = new LinkedHashMap<>();
        if (changed.contains("Severity")) {
            previous.put("Severity", List.of(base.severity().sentinelName()));
        }
        if (changed.contains("Status")) {
            previous.put("Status", List.of(base.status().sentinelName()));
        }
        if (changed.contains("Owner")) {
            previous.put("Owner", ownerNames(base.owner()));
        }
        if (changed.contains("Labels")) {
            previous.put("Labels", base.labels().stream().map(IncidentLabel::name).toList());
        }
        if (changed.contains("AlertIds")) {
            previous.put("AlertIds", base.alertIds());
            previous.put("Tactics", base.tactics());
        }
        if (changed.contains("Comments")) {
            previous.put("Comments", base.comments().stream().map(IncidentComment::id).toList());
        }
        return previous;
    }

    /** The owner's non-empty fields, which conditions on the owner compare with. */
    static List<String> ownerNames(IncidentOwner owner) {
        return Stream.of(owner.objectId(), owner.email(), owner.assignedTo(), owner.userPrincipalName())
                .filter(value -> !value.isEmpty()).distinct().toList();
    }

    /** Adds or replaces alerts by SystemAlertId; only a real difference counts as a change. */
    void addAlerts(AlertAddition addition) {
        for (IncidentAlert alert : addition.alerts()) {
            IncidentAlert earlier = alerts.put(alert.systemAlertId(), alert);
            if (!alert.equals(earlier)) {
                changed.add("AlertIds");
            }
        }
        for (String ruleId : addition.relatedAnalyticRuleIds()) {
            if (ruleIds.add(ruleId)) {
                changed.add("RelatedAnalyticRuleIds");
            }
        }
        if (!changed.isEmpty()) {
            kind = IncidentChangeKind.ALERTS_ADDED;
            if (addition.reopenClosed()) {
                reopenIfClosed();
            }
        }
    }

    /** Attaches hunting bookmarks; one attached already changes nothing. */
    void addBookmarks(List<String> added) {
        for (String bookmarkId : added) {
            if (bookmarkIds.add(bookmarkId)) {
                changed.add("BookmarkIds");
            }
        }
    }

    boolean changedAnything() {
        return !changed.isEmpty();
    }

    IncidentChangeKind kind() {
        return kind;
    }

    Set<String> changedProperties() {
        return Set.copyOf(changed);
    }

    /** The next version, as changed at {@code now} by {@code modifiedBy}, as the workspace's change {@code sequence}. */
    Incident result(Instant now, String modifiedBy, long sequence) {
        return new Incident(base.workspaceId(), base.name(), base.number(), base.key(), title, description, severity, status, closure, owner,
                labels, comments, tasks, List.copyOf(alerts.values()), List.copyOf(ruleIds), base.grouping(), base.providerName(), base.createdTime(),
                now, base.firstModifiedTime().or(() -> Optional.of(now)), closedTime, modifiedBy, base.revision() + 1, sequence,
                List.copyOf(bookmarkIds));
    }

    private <T> void set(String column, T current, T next, Runnable assign) {
        if (!current.equals(next)) {
            assign.run();
            changed.add(column);
        }
    }

    private static List<IncidentLabel> distinctLabels(List<IncidentLabel> labels) {
        Map<String, IncidentLabel> byName = new LinkedHashMap<>();
        labels.forEach(label -> byName.putIfAbsent(label.name(), label));
        return List.copyOf(byName.values());
    }
}
