package dev.vigil.soc.hunting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryLiterals;
import dev.vigil.workspace.api.QueryRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hunting bookmarks of every workspace, kept where KQL reads them: the workspace's
 * {@code HuntingBookmark} table, as Sentinel keeps them. Every change appends a row, acknowledged
 * once committed; a bookmark's current state is its latest row, and a deleted bookmark's latest row
 * has {@code SoftDeleted} set. Attaching a bookmark to an incident is a change of the incident
 * ({@code BookmarkIds} of its {@code SecurityIncident} rows).
 */
public final class HuntingBookmarks {
    public static final String TABLE = "HuntingBookmark";
    private static final String BOOKMARK_TYPE = "Bookmark";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogStore logStore;
    private final Incidents incidents;
    private final Clock clock;
    private final Map<String, Instant> lastTimestamp = new ConcurrentHashMap<>();

    public HuntingBookmarks(LogStore logStore, Incidents incidents, Clock clock) {
        this.logStore = logStore;
        this.incidents = incidents;
        this.clock = clock;
    }

    public synchronized Bookmark create(String workspaceId, NewBookmark bookmark, String user) {
        Instant now = timestamp(workspaceId);
        Bookmark created = new Bookmark(workspaceId, UUID.randomUUID().toString(), bookmark.displayName(), bookmark.notes(), bookmark.labels(),
                bookmark.tactics(), bookmark.techniques(), bookmark.queryText(), bookmark.queryResult(), bookmark.queryStartTime(), bookmark.queryEndTime(), bookmark.eventTime(),
                bookmark.entities(), user, now, user, now);
        logStore.ingest(workspaceId, TABLE, List.of(row(created, false, now))).join();
        return created;
    }

    /** The workspace's bookmarks, newest first. */
    public List<Bookmark> list(String workspaceId) {
        return current(workspaceId, "true").stream().map(row -> bookmark(workspaceId, row))
                .sorted(Comparator.comparing(Bookmark::created).reversed().thenComparing(Bookmark::id)).toList();
    }

    public Bookmark get(String workspaceId, String id) {
        return current(workspaceId, "BookmarkId == " + QueryLiterals.string(id)).stream().map(row -> bookmark(workspaceId, row)).findFirst()
                .orElseThrow(() -> new HuntingNotFoundException("workspace '" + workspaceId + "' has no bookmark '" + id + "'"));
    }

    /**
     * Edits the bookmark: a new row with the edit applied, later than its latest, so that it becomes
     * the bookmark's current state while the rows before it stay as they were.
     */
    public synchronized Bookmark edit(String workspaceId, String id, BookmarkEdit edit, String user) {
        Bookmark bookmark = get(workspaceId, id);
        Instant now = timestamp(workspaceId);
        Bookmark edited = edit.applyTo(bookmark, user, now);
        logStore.ingest(workspaceId, TABLE, List.of(row(edited, false, now))).join();
        return edited;
    }

    public synchronized void delete(String workspaceId, String id, String user) {
        Bookmark bookmark = get(workspaceId, id);
        Instant now = timestamp(workspaceId);
        logStore.ingest(workspaceId, TABLE, List.of(row(updated(bookmark, user, now), true, now))).join();
    }

    /** Attaches the bookmark to the incident (by its GUID or number); answers the incident as changed. */
    public Incident attach(String workspaceId, String id, String incident, String user) {
        Bookmark bookmark = get(workspaceId, id);
        return incidents.addBookmarks(workspaceId, incident, List.of(bookmark.id()), user);
    }

    /** The incident the bookmark is attached to, if any. */
    public Optional<Incident> incidentOf(String workspaceId, String id) {
        return incidents.withBookmark(workspaceId, id);
    }

    private static Bookmark updated(Bookmark bookmark, String user, Instant now) {
        return new Bookmark(bookmark.workspaceId(), bookmark.id(), bookmark.displayName(), bookmark.notes(), bookmark.labels(), bookmark.tactics(),
                bookmark.techniques(), bookmark.queryText(),
                bookmark.queryResult(), bookmark.queryStartTime(), bookmark.queryEndTime(), bookmark.eventTime(), bookmark.entities(),
                bookmark.createdBy(), bookmark.created(), user, now);
    }

    /** The latest row of each bookmark matching the filter, unless that row deletes it. */
    private List<Map<String, Object>> current(String workspaceId, String filter) {
        return logStore.query(workspaceId, QueryRequest.of(TABLE + " | where " + filter
                + " | summarize arg_max(TimeGenerated, *) by BookmarkId | where not(SoftDeleted)")).primary().rowsByColumn();
    }

    private static Map<String, Object> row(Bookmark bookmark, boolean deleted, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", now.toString());
        row.put("BookmarkId", bookmark.id());
        row.put("BookmarkName", bookmark.displayName());
        row.put("BookmarkType", BOOKMARK_TYPE);
        row.put("CreatedBy", bookmark.createdBy());
        row.put("CreatedTime", bookmark.created().toString());
        row.put("UpdatedBy", bookmark.updatedBy());
        row.put("LastUpdatedTime", bookmark.updated().toString());
        bookmark.eventTime().ifPresent(time -> row.put("EventTime", time.toString()));
        row.put("Entities", json(bookmark.entities()));
        row.put("Notes", bookmark.notes());
        row.put("Tags", json(BookmarkTags.write(bookmark.labels(), bookmark.tactics(), bookmark.techniques())));
        row.put("QueryText", bookmark.queryText());
        row.put("QueryResultRow", json(bookmark.queryResult()));
        bookmark.queryStartTime().ifPresent(time -> row.put("QueryStartTime", time.toString()));
        bookmark.queryEndTime().ifPresent(time -> row.put("QueryEndTime", time.toString()));
        row.put("SoftDeleted", deleted);
        row.put("SourceSystem", "Vigil");
        return row;
    }

    private static Bookmark bookmark(String workspaceId, Map<String, Object> row) {
        BookmarkTags.Read tags = BookmarkTags.read(read(text(row, "Tags"), new TypeReference<List<String>>() { }, List.of()));
        return new Bookmark(workspaceId, text(row, "BookmarkId"), text(row, "BookmarkName"), text(row, "Notes"), tags.labels(), tags.tactics(),
                tags.techniques(), text(row, "QueryText"),
                read(text(row, "QueryResultRow"), new TypeReference<Map<String, Object>>() { }, Map.of()), time(row, "QueryStartTime"),
                time(row, "QueryEndTime"), time(row, "EventTime"),
                read(text(row, "Entities"), new TypeReference<List<Map<String, Object>>>() { }, List.of()), text(row, "CreatedBy"),
                time(row, "CreatedTime").orElseThrow(), text(row, "UpdatedBy"), time(row, "LastUpdatedTime").orElseThrow());
    }

    /** The change's time, later than the workspace's previous change, so that its row is the bookmark's latest. */
    private Instant timestamp(String workspaceId) {
        Instant last = lastTimestamp.computeIfAbsent(workspaceId, id -> {
            Object latest = logStore.query(id, QueryRequest.of(TABLE + " | summarize max(TimeGenerated)")).primary().rows().get(0).get(0);
            return latest == null ? Instant.EPOCH : Instant.parse(latest.toString());
        });
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant next = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
        lastTimestamp.put(workspaceId, next);
        return next;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a bookmark value does not write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type, T empty) {
        if (text.isBlank()) {
            return empty;
        }
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a HuntingBookmark row holds JSON that does not read back: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? "" : value.toString();
    }

    private static Optional<Instant> time(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? Optional.empty() : Optional.of(Instant.parse(value.toString()));
    }
}
