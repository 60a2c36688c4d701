package dev.vigil.soc.incident;

import dev.vigil.workspace.api.DocumentCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The incidents of one workspace: held in memory, written through to one document per incident.
 *
 * <p>A change is committed by a single document write that holds the new version together with
 * the change's pending row ({@link UnloggedChange}), so nothing can separate the two. The changes
 * stay retained (in memory and in their documents) until the log has written their rows and every
 * follower (automation) has passed them, so that after a crash each reads on from its own
 * checkpoint. Numbers
 * and change sequences continue from the highest ones stored; a change that failed to write
 * used nothing up. All methods are serialised on this object.
 */
final class WorkspaceIncidents {
    private final String workspaceId;
    private final DocumentCollection<StoredIncident> documents;
    private final Map<String, StoredIncident> byName = new HashMap<>();
    private final Map<Long, String> nameByNumber = new HashMap<>();
    private final Map<String, String> nameByKey = new HashMap<>();
    private final NavigableMap<Long, UnloggedChange> retained = new TreeMap<>();
    private final Map<String, Long> followers;
    private final NavigableMap<Long, List<CompletableFuture<Void>>> waiters = new TreeMap<>();
    private long loggedThrough;
    private long lastSequence;
    private long lastNumber;

    private WorkspaceIncidents(String workspaceId, DocumentCollection<StoredIncident> documents, long loggedThrough, Map<String, Long> followers) {
        this.workspaceId = workspaceId;
        this.documents = documents;
        this.loggedThrough = loggedThrough;
        this.lastSequence = loggedThrough;
        this.followers = new HashMap<>(followers);
    }

    /**
     * Reads the workspace's incidents; changes after {@code loggedThrough} (the log's checkpoint) are
     * to be logged, and those after a follower's position are to be followed.
     *
     * @param followers each follower's committed position
     */
    static WorkspaceIncidents load(String workspaceId, DocumentCollection<StoredIncident> documents, long loggedThrough, Map<String, Long> followers) {
        WorkspaceIncidents incidents = new WorkspaceIncidents(workspaceId, documents, loggedThrough, followers);
        long floor = incidents.floor();
        for (StoredIncident stored : documents.list()) {
            incidents.remember(stored);
            for (UnloggedChange change : stored.unlogged()) {
                if (change.sequence() > floor) {
                    incidents.retained.put(change.sequence(), change);
                }
            }
        }
        return incidents;
    }

    String workspaceId() {
        return workspaceId;
    }

    synchronized Incident get(String nameOrNumber) {
        return find(nameOrNumber).orElseThrow(() -> new IncidentNotFoundException(workspaceId, nameOrNumber));
    }

    synchronized Optional<Incident> byKey(String key) {
        return Optional.ofNullable(nameByKey.get(key)).map(name -> byName.get(name).incident());
    }

    /** Every incident, by number. */
    synchronized List<Incident> all() {
        return byName.values().stream().map(StoredIncident::incident).sorted(Comparator.comparingLong(Incident::number)).toList();
    }

    /** The incidents counted by status and, of the open ones, by severity. */
    synchronized IncidentTally tally() {
        return IncidentTally.of(byName.values().stream().map(StoredIncident::incident).toList());
    }

    synchronized CreatedIncident create(NewIncident request, Instant now) {
        Optional<Incident> existing = byKey(request.key());
        if (existing.isPresent()) {
            return new CreatedIncident(existing.get(), false);
        }
        String name = IncidentEdit.nameFor(workspaceId, request.key());
        long sequence = lastSequence + 1;
        Incident created = IncidentEdit.create(workspaceId, name, lastNumber + 1, request, now, sequence);
        commit(new StoredIncident(created, List.of()), new UnloggedChange(sequence, IncidentChangeKind.CREATED, Set.of(), Map.of(), Optional.empty(),
                created));
        return new CreatedIncident(created, true);
    }

    /**
     * Applies {@code edit} to the incident and commits the result as one change, unless it
     * changed nothing.
     *
     * @param etag when present, must name the incident's current version
     * @param origin the automation action the change carries out: if a retained change carries it
     *     out already (it was made before a crash), nothing is changed again
     */
    synchronized Incident change(String nameOrNumber, Optional<String> etag, String modifiedBy, Instant now, Optional<String> origin,
            Consumer<IncidentEdit> edit) {
        StoredIncident stored = byName.get(get(nameOrNumber).name());
        Incident current = stored.incident();
        if (origin.isPresent() && retained.values().stream().anyMatch(change -> change.origin().equals(origin))) {
            return current;
        }
        if (etag.isPresent() && !current.hasEtag(etag.get())) {
            throw new IncidentEtagMismatchException(current, etag.get());
        }
        IncidentEdit draft = new IncidentEdit(current);
        edit.accept(draft);
        if (!draft.changedAnything()) {
            return current;
        }
        long sequence = lastSequence + 1;
        Incident next = draft.result(now, modifiedBy, sequence);
        commit(stored, new UnloggedChange(sequence, draft.kind(), draft.changedProperties(), draft.previousValues(), origin, next));
        return next;
    }

    /** Among incidents made with this grouping, created at or after {@code since}, the newest one, if any qualifies. */
    synchronized Optional<Incident> groupingTarget(IncidentGrouping grouping, Instant since, boolean includeClosed) {
        return byName.values().stream().map(StoredIncident::incident)
                .filter(incident -> incident.grouping().filter(grouping::equals).isPresent())
                .filter(incident -> !incident.createdTime().isBefore(since))
                .filter(incident -> includeClosed || incident.status().isOpen())
                .max(Comparator.comparing(Incident::createdTime).thenComparingLong(Incident::number));
    }

    /** The oldest changes whose rows are not logged yet, at most {@code limit}, in sequence order. */
    synchronized List<UnloggedChange> unloggedBatch(int limit) {
        return retained.tailMap(loggedThrough, false).values().stream().limit(limit).toList();
    }

    /** The committed changes after {@code sequence} still retained for followers, logged or not, at most {@code limit}, in sequence order. */
    synchronized List<IncidentEvent> changesAfter(long sequence, int limit) {
        return retained.tailMap(sequence, false).values().stream().limit(limit).map(UnloggedChange::event).toList();
    }

    /** The logged changes after {@code sequence} still retained for followers, at most {@code limit}, in sequence order. */
    synchronized List<IncidentEvent> loggedChangesAfter(long sequence, int limit) {
        return retained.subMap(sequence, false, loggedThrough, true).values().stream().limit(limit).map(UnloggedChange::event).toList();
    }

    /** The follower has passed every change up to {@code sequence}: what nobody needs any more is let go. */
    synchronized void followed(String follower, long sequence) {
        followers.merge(follower, sequence, Math::max);
        retained.headMap(floor(), true).clear();
    }

    /**
     * The rows of every change up to {@code sequence} are committed: followers may read those
     * changes now, before the listeners are told (which is what wakes followers).
     */
    synchronized void rowsCommitted(long sequence) {
        loggedThrough = Math.max(loggedThrough, sequence);
        retained.headMap(floor(), true).clear();
    }

    /** The log has committed the rows of every change up to {@code sequence} and told the listeners: who waits for them is done. */
    synchronized void logged(long sequence) {
        loggedThrough = Math.max(loggedThrough, sequence);
        retained.headMap(floor(), true).clear();
        var done = waiters.headMap(sequence, true);
        done.values().forEach(futures -> futures.forEach(future -> future.complete(null)));
        done.clear();
    }

    /** Completes once the rows of every change made so far are logged. */
    synchronized CompletableFuture<Void> allLogged() {
        if (loggedThrough >= lastSequence) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        waiters.computeIfAbsent(lastSequence, s -> new ArrayList<>()).add(future);
        return future;
    }

    synchronized boolean hasUnlogged() {
        return !retained.tailMap(loggedThrough, false).isEmpty();
    }

    synchronized long lastSequence() {
        return lastSequence;
    }

    /** Changes up to here are consumed by the log and every follower. */
    private long floor() {
        return followers.values().stream().mapToLong(Long::longValue).reduce(loggedThrough, Math::min);
    }

    private Optional<Incident> find(String nameOrNumber) {
        String reference = nameOrNumber.strip();
        String name = reference.chars().allMatch(Character::isDigit) && !reference.isEmpty() && reference.length() < 19
                ? nameByNumber.get(Long.parseLong(reference))
                : reference.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(name == null ? null : byName.get(name)).map(StoredIncident::incident);
    }

    /** Writes the new version with its pending row; only once the write returns does the change exist. */
    private void commit(StoredIncident before, UnloggedChange change) {
        List<UnloggedChange> pending = new ArrayList<>();
        long floor = floor();
        before.unlogged().stream().filter(c -> c.sequence() > floor).forEach(pending::add);
        pending.add(change);
        StoredIncident after = new StoredIncident(change.incident(), pending);
        documents.put(after.incident().name(), after);
        remember(after);
        retained.put(change.sequence(), change);
    }

    private void remember(StoredIncident stored) {
        Incident incident = stored.incident();
        byName.put(incident.name(), stored);
        nameByNumber.put(incident.number(), incident.name());
        nameByKey.put(incident.key(), incident.name());
        lastNumber = Math.max(lastNumber, incident.number());
        lastSequence = Math.max(lastSequence, incident.changeSequence());
    }
}
