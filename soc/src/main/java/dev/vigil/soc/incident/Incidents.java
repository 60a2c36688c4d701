package dev.vigil.soc.incident;

import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.StateStore;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The incidents of every workspace: what the analytics rules create and group into, and what
 * analysts read, update, comment, close and reopen.
 *
 * <p>For the rules engine: {@link #create} (idempotent on the caller's key, so a retry after a
 * crash neither makes a second incident nor uses up a number), {@link #addAlerts},
 * {@link #findGroupingTarget} and {@link #findByKey}; {@link #addListener} for automation.
 *
 * <p>Every change is durable in the state store when the method returns, and appends one
 * {@code SecurityIncident} row shortly after, exactly once, also across a crash (see
 * {@link SecurityIncidentLog}); {@link #allLogged} waits for those rows. Incidents are numbered
 * 1, 2, 3... per workspace. An incident is named in calls by its GUID ({@code IncidentName}) or
 * its number.
 */
public final class Incidents implements AutoCloseable {
    private static final String COLLECTION_PREFIX = "incidents/";

    private final StateStore stateStore;
    private final LogStore logStore;
    private final Clock clock;
    private final SecurityIncidentLog log;
    private final Map<String, WorkspaceIncidents> workspaces = new ConcurrentHashMap<>();
    private final List<String> followers;
    private final List<Consumer<String>> commitListeners = new CopyOnWriteArrayList<>();

    Incidents(StateStore stateStore, LogStore logStore, Clock clock, Supplier<String> apiBaseUrl, boolean holdRows) {
        this(stateStore, logStore, clock, apiBaseUrl, holdRows, List.of());
    }

    Incidents(StateStore stateStore, LogStore logStore, Clock clock, Supplier<String> apiBaseUrl, boolean holdRows, List<String> followers) {
        this.followers = List.copyOf(followers);
        this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
        this.logStore = Objects.requireNonNull(logStore, "logStore");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        this.log = new SecurityIncidentLog(logStore, new SecurityIncidentRows(incident -> apiBaseUrl.get() + path(incident)), holdRows);
    }

    /**
     * Opens the incidents of every workspace and writes the rows of changes that a previous run
     * committed but did not log.
     *
     * @param apiBaseUrl the server's address, e.g. {@code http://vigil.example:8080}, for {@code IncidentUrl}; asked for each row
     */
    public static Incidents open(StateStore stateStore, LogStore logStore, Clock clock, Supplier<String> apiBaseUrl) {
        return open(stateStore, logStore, clock, apiBaseUrl, List.of());
    }

    /**
     * As {@link #open(StateStore, LogStore, Clock, Supplier)}, with followers: consumers that read
     * every change durably ({@link #loggedChangesAfter}), each keeping its position as the checkpoint
     * {@code <follower>/<workspace>} (see {@link #followerCheckpoint}). A change is retained until
     * each follower has passed it ({@link #followed}), so that after a crash a follower reads on
     * from its checkpoint, missing none.
     */
    public static Incidents open(StateStore stateStore, LogStore logStore, Clock clock, Supplier<String> apiBaseUrl, List<String> followers) {
        Incidents incidents = new Incidents(stateStore, logStore, clock, apiBaseUrl, false, followers);
        incidents.recover();
        return incidents;
    }

    /** The checkpoint consumer under which a follower keeps its position in a workspace's changes. */
    public static String followerCheckpoint(String follower, String workspaceId) {
        return follower + "/" + workspaceId;
    }

    void recover() {
        for (String workspaceId : logStore.workspaces()) {
            WorkspaceIncidents incidents = workspace(workspaceId);
            if (incidents.hasUnlogged()) {
                log.requestWrite(incidents);
            }
        }
    }

    /** Where the API serves the incident, from the server's root. */
    public static String path(Incident incident) {
        return "/api/workspaces/" + incident.workspaceId() + "/incidents/" + incident.name();
    }

    /** Told of every change once its row is committed; see {@link IncidentListener} for when and on which thread. */
    public void addListener(IncidentListener listener) {
        log.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Told the workspace of every change as soon as the change is committed in the state store,
     * before its {@code SecurityIncident} row is logged, on the thread that made it: for a
     * follower that reads {@link #changesAfter} at once instead of waiting for the log's group
     * commit. It must only hand off (wake its own thread); what it throws is not caught.
     */
    public void addCommitListener(Consumer<String> workspaceWithNewChanges) {
        commitListeners.add(Objects.requireNonNull(workspaceWithNewChanges, "workspaceWithNewChanges"));
    }

    /**
     * The workspace's committed changes after {@code sequence}, their rows logged or not, at most
     * {@code limit}, in order: for a follower that keeps its position with {@link #followed}. Each is
     * durable in the state store, so a crash loses none of them.
     */
    public List<IncidentEvent> changesAfter(String workspaceId, long sequence, int limit) {
        return workspace(workspaceId).changesAfter(sequence, limit);
    }

    /**
     * The workspace's changes after {@code sequence} whose rows are logged, at most {@code limit},
     * in order: for a follower, from its position. Changes a follower has passed may be gone.
     */
    public List<IncidentEvent> loggedChangesAfter(String workspaceId, long sequence, int limit) {
        return workspace(workspaceId).loggedChangesAfter(sequence, limit);
    }

    /** The sequence of the workspace's latest change, 0 before the first. */
    public long lastChange(String workspaceId) {
        return workspace(workspaceId).lastSequence();
    }

    /** Whether the changes are kept for this follower until it has passed them (it was named at {@link #open}). */
    public boolean keepsChangesFor(String follower) {
        return followers.contains(follower);
    }

    /** The follower has committed its position at {@code sequence}: the changes up to it need not be kept for it. */
    public void followed(String workspaceId, String follower, long sequence) {
        if (!followers.contains(follower)) {
            throw new IllegalArgumentException("'" + follower + "' does not follow the incidents' changes; followers are " + followers);
        }
        workspace(workspaceId).followed(follower, sequence);
    }

    /**
     * Carries out an automation rule's actions as one change. The change
     * records {@code origin}; when a retained change already carries it out (the action was taken
     * before a crash, and the follower's position had not moved yet), nothing changes again.
     *
     * @param origin names the action and what triggered it, e.g. {@code automationRule/<id>/<trigger sequence>}
     */
    public Incident automate(String workspaceId, String incident, String origin, String modifiedBy, AutomatedChange change) {
        WorkspaceIncidents incidents = workspace(workspaceId);
        Instant now = clock.instant();
        Incident changed = incidents.change(incident, Optional.empty(), modifiedBy, now, Optional.of(origin), edit -> {
            edit.apply(change.update(), now);
            edit.addLabels(change.addedLabels());
            change.addedTasks().forEach(task -> edit.addTask(task, modifiedBy, now));
            change.addedComments().forEach(comment -> edit.addComment(comment, modifiedBy, now));
        });
        committed(incidents);
        return changed;
    }

    /** Adds a task to the incident; it starts New. */
    public Incident addTask(String workspaceId, String incident, NewIncidentTask task, String author) {
        return change(workspaceId, incident, Optional.empty(), author, edit -> edit.addTask(task, author, clock.instant()));
    }

    /** Creates an incident, or returns the one created earlier for the same key, unchanged. */
    public CreatedIncident create(String workspaceId, NewIncident request) {
        WorkspaceIncidents incidents = workspace(workspaceId);
        CreatedIncident created = incidents.create(request, clock.instant());
        if (created.created()) {
            committed(incidents);
        }
        return created;
    }

    /** Adds alerts (replacing earlier versions of the same SystemAlertId), and reopens a Closed incident if asked to. */
    public Incident addAlerts(String workspaceId, String incident, AlertAddition addition) {
        return change(workspaceId, incident, Optional.empty(), addition.modifiedBy(), edit -> edit.addAlerts(addition));
    }

    /**
     * The incident a rule's new alert groups into: the newest one made with this grouping (same
     * rule, same grouping key) and created within {@code lookback} of now; Closed ones count only
     * if {@code includeClosed} (the rule reopens closed incidents).
     */
    public Optional<Incident> findGroupingTarget(String workspaceId, IncidentGrouping grouping, Duration lookback, boolean includeClosed) {
        Instant since = clock.instant().minus(lookback);
        return workspace(workspaceId).groupingTarget(grouping, since, includeClosed);
    }

    /** The incident created for this key, if any. */
    public Optional<Incident> findByKey(String workspaceId, String key) {
        return workspace(workspaceId).byKey(key);
    }

    /** The incident a hunting bookmark is attached to, if any. */
    public Optional<Incident> withBookmark(String workspaceId, String bookmarkId) {
        return workspace(workspaceId).all().stream().filter(incident -> incident.bookmarkIds().contains(bookmarkId)).findFirst();
    }

    /** The incident with this GUID or number; throws {@link IncidentNotFoundException} if there is none. */
    public Incident get(String workspaceId, String incident) {
        return workspace(workspaceId).get(incident);
    }

    /** The workspace's incidents counted by status and, of the open ones, by severity. */
    public IncidentTally tally(String workspaceId) {
        return workspace(workspaceId).tally();
    }

    public IncidentPage list(String workspaceId, IncidentQuery query) {
        return list(workspaceId, query, incident -> true);
    }

    /**
     * As {@link #list(String, IncidentQuery)}, keeping only the incidents {@code alsoMatching} accepts too: for filters the
     * query has no field for (the console's "unassigned" owner, an alert's product).
     */
    public IncidentPage list(String workspaceId, IncidentQuery query, Predicate<Incident> alsoMatching) {
        List<Incident> matching = workspace(workspaceId).all().stream().filter(query::matches).filter(alsoMatching)
                .sorted(query.order().comparator()).toList();
        Optional<PageToken> after = query.skipToken().map(token -> PageToken.decode(token, query.order()));
        List<Incident> page = new ArrayList<>();
        boolean more = false;
        for (Incident incident : matching) {
            if (after.isPresent() && !after.get().precedes(incident)) {
                continue;
            }
            if (page.size() == query.top()) {
                more = true;
                break;
            }
            page.add(incident);
        }
        Optional<String> next = more ? Optional.of(PageToken.after(query.order(), page.get(page.size() - 1)).encode()) : Optional.empty();
        return new IncidentPage(page, next);
    }

    /**
     * Changes the incident's properties; see {@link IncidentUpdate} for closing and reopening.
     *
     * @param etag when present, the change applies only to that version (else {@link IncidentEtagMismatchException})
     */
    public Incident update(String workspaceId, String incident, IncidentUpdate update, Optional<String> etag, String modifiedBy) {
        return change(workspaceId, incident, etag, modifiedBy, edit -> edit.apply(update, clock.instant()));
    }

    /** Attaches hunting bookmarks (by their ids) to the incident; those attached already are left as they are. */
    public Incident addBookmarks(String workspaceId, String incident, List<String> bookmarkIds, String modifiedBy) {
        return change(workspaceId, incident, Optional.empty(), modifiedBy, edit -> edit.addBookmarks(bookmarkIds));
    }

    public Incident addComment(String workspaceId, String incident, String message, String author) {
        return change(workspaceId, incident, Optional.empty(), author, edit -> edit.addComment(message, author, clock.instant()));
    }

    /** Closes with a classification; closing a Closed incident again with the same classification changes nothing. */
    public Incident close(String workspaceId, String incident, Closure closure, Optional<String> etag, String modifiedBy) {
        return update(workspaceId, incident, IncidentUpdate.close(closure), etag, modifiedBy);
    }

    /** Closed to Active, the classification cleared; an incident that is not Closed cannot be reopened. */
    public Incident reopen(String workspaceId, String incident, Optional<String> etag, String modifiedBy) {
        return change(workspaceId, incident, etag, modifiedBy, IncidentEdit::reopenClosed);
    }

    /**
     * Completes once the {@code SecurityIncident} rows of every change made so far in the workspace
     * are committed and the listeners told; never wait for it in a listener.
     */
    public CompletableFuture<Void> allLogged(String workspaceId) {
        WorkspaceIncidents incidents = workspace(workspaceId);
        log.requestWrite(incidents);
        return incidents.allLogged();
    }

    private Incident change(String workspaceId, String incident, Optional<String> etag, String modifiedBy, Consumer<IncidentEdit> edit) {
        WorkspaceIncidents incidents = workspace(workspaceId);
        Incident changed = incidents.change(incident, etag, modifiedBy, clock.instant(), Optional.empty(), edit);
        // when nothing changed there is nothing to write, and asking costs one empty look
        committed(incidents);
        return changed;
    }

    /** A change is in the state store: its row is to be logged, and the followers that read committed changes are told. */
    private void committed(WorkspaceIncidents incidents) {
        log.requestWrite(incidents);
        commitListeners.forEach(listener -> listener.accept(incidents.workspaceId()));
    }

    private WorkspaceIncidents workspace(String workspaceId) {
        WorkspaceIncidents known = workspaces.get(workspaceId);
        if (known != null) {
            return known;
        }
        if (!logStore.workspaces().contains(workspaceId)) {
            throw new WorkspaceNotFoundException("there is no workspace '" + workspaceId + "'");
        }
        return workspaces.computeIfAbsent(workspaceId, id -> {
            Map<String, Long> positions = new HashMap<>();
            followers.forEach(follower -> positions.put(follower, logStore.checkpoint(followerCheckpoint(follower, id))));
            return WorkspaceIncidents.load(id, stateStore.collection(COLLECTION_PREFIX + id, StoredIncident.class), log.position(id), positions);
        });
    }

    /** Writes the rows still pending (waiting a bounded time), then stops; call before closing the storage. */
    @Override
    public void close() {
        log.close(List.copyOf(workspaces.values()));
    }
}
