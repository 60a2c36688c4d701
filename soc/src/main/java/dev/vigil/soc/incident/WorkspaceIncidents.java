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
 * the change's pending row ({@link UnloggedChange}), so nothing can separate the two. Numbers
 * and change sequences continue from the highest ones stored; a change that failed to write
 * used nothing up. All methods are serialised on this object.
 */
final class WorkspaceIncidents {
    private final String workspaceId;
    private final DocumentCollection<StoredIncident> documents;
    private final Map<String, StoredIncident> byName = new HashMap<>();
    private final Map<Long, String> nameByNumber = new HashMap<>();
    private final Map<String, String> nameByKey = new HashMap<>();
    private final NavigableMap<Long, UnloggedChange> unlogged = new TreeMap<>();
    private final NavigableMap<Long, List<CompletableFuture<Void>>> waiters = new TreeMap<>();
    private long loggedThrough;
    private long lastSequence;
    private long lastNumber;

    private WorkspaceIncidents(String workspaceId, DocumentCollection<StoredIncident> documents, long loggedThrough) {
        this.workspaceId = workspaceId;
        this.documents = documents;
        this.loggedThrough = loggedThrough;
        this.lastSequence = loggedThrough;
    }

    /** Reads the workspace's incidents; changes after {@code loggedThrough} (the log's checkpoint) are to be logged. */
    static WorkspaceIncidents load(String workspaceId, DocumentCollection<StoredIncident> documents, long loggedThrough) {
        WorkspaceIncidents incidents = new WorkspaceIncidents(workspaceId, documents, loggedThrough);
        for (StoredIncident stored : documents.list()) {
            incidents.remember(stored);
            for (UnloggedChange change : stored.unlogged()) {
                if (change.sequence() > loggedThrough) {
                    incidents.unlogged.put(change.sequence(), change);
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

    synchronized CreatedIncident create(NewIncident request, Instant now) {
        Optional<Incident> existing = byKey(request.key());
        if (existing.isPresent()) {
            return new CreatedIncident(existing.get(), false);
        }
        String name = IncidentEdit.nameFor(workspaceId, request.key());
        long sequence = lastSequence + 1;
        Incident created = IncidentEdit.create(workspaceId, name, lastNumber + 1, request, now, sequence);
        commit(new StoredIncident(created, List.of()), new UnloggedChange(sequence, IncidentChangeKind.CREATED, Set.of(), created));
        return new CreatedIncident(created, true);
    }

    /**
     * Applies {@code edit} to the incident and commits the result as one change, unless it
     * changed nothing.
     *
     * @param etag when present, must name the incident's current version
     */
    synchronized Incident change(String nameOrNumber, Optional<String> etag, String modifiedBy, Instant now, Consumer<IncidentEdit> edit) {
        StoredIncident stored = byName.get(get(nameOrNumber).name());
        Incident current = stored.incident();
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
        commit(stored, new UnloggedChange(sequence, draft.kind(), draft.changedProperties(), next));
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
        return unlogged.values().stream().limit(limit).toList();
    }

    /** The log has committed the rows of every change up to {@code sequence}. */
    synchronized void logged(long sequence) {
        loggedThrough = Math.max(loggedThrough, sequence);
        unlogged.headMap(sequence, true).clear();
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
        return !unlogged.isEmpty();
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
        before.unlogged().stream().filter(c -> c.sequence() > loggedThrough).forEach(pending::add);
        pending.add(change);
        StoredIncident after = new StoredIncident(change.incident(), pending);
        documents.put(after.incident().name(), after);
        remember(after);
        unlogged.put(change.sequence(), change);
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
