package dev.vigil.soc.workbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.workbook.notebook.NotebookReader;
import dev.vigil.soc.workbook.notebook.NotebookSettingsCheck;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.StateStore;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The saved workbooks of every workspace, in the state store, each document kept as the client wrote it. */
public final class Workbooks {
    private static final String COLLECTION = "workbooks";
    private static final Pattern WORKBOOK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogStore logStore;
    private final DocumentCollection<StoredWorkbook> documents;
    private final Clock clock;

    public Workbooks(LogStore logStore, StateStore state, Clock clock) {
        this.logStore = logStore;
        this.documents = state.collection(COLLECTION, StoredWorkbook.class);
        this.clock = clock;
    }

    /** The workspace's workbooks by display name. */
    public List<Workbook> list(String workspaceId) {
        checkWorkspace(workspaceId);
        return documents.listAfter(workspaceId + "/", Integer.MAX_VALUE).stream().takeWhile(stored -> stored.workspaceId().equals(workspaceId))
                .map(Workbooks::workbook).sorted(Comparator.comparing(Workbook::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public Workbook get(String workspaceId, String id) {
        return find(workspaceId, id).orElseThrow(() -> new WorkbookNotFoundException("workspace '" + workspaceId + "' has no workbook '" + id + "'"));
    }

    /**
     * Creates or replaces the workbook.
     *
     * @param ifMatch when present, the workbook must exist at this etag (quotes optional), else {@link WorkbookEtagMismatchException}
     */
    public synchronized SavedWorkbook save(String workspaceId, String id, WorkbookDefinition definition, Optional<String> ifMatch, String user) {
        if (!WORKBOOK_ID.matcher(id).matches()) {
            throw new InvalidWorkbookException("name", "a workbook id is 1 to 128 letters, digits, '-', '_' or '.', starting with a letter or digit;"
                    + " was '" + id + "'");
        }
        if (definition.displayName().isBlank()) {
            throw new InvalidWorkbookException("properties.displayName", "a workbook needs a display name");
        }
        NotebookSettingsCheck.check(definition.document());
        Optional<Workbook> existing = find(workspaceId, id);
        checkEtag(workspaceId, id, existing, ifMatch);
        Instant now = clock.instant();
        StoredWorkbook stored = new StoredWorkbook(workspaceId, id, definition.displayName(), definition.category(), definition.sourceTemplate(),
                definition.document().json().toString(), existing.map(Workbook::created).orElse(now), now,
                existing.map(Workbook::createdBy).orElse(user), user, existing.map(workbook -> workbook.revision() + 1).orElse(1L));
        documents.put(key(workspaceId, id), stored);
        return new SavedWorkbook(workbook(stored), existing.isEmpty());
    }

    public synchronized void delete(String workspaceId, String id, Optional<String> ifMatch) {
        Workbook workbook = get(workspaceId, id);
        checkEtag(workspaceId, id, Optional.of(workbook), ifMatch);
        documents.delete(key(workspaceId, id));
    }

    public Optional<Workbook> find(String workspaceId, String id) {
        checkWorkspace(workspaceId);
        return documents.get(key(workspaceId, id)).map(Workbooks::workbook);
    }

    private static Workbook workbook(StoredWorkbook stored) {
        try {
            return new Workbook(stored.workspaceId(), stored.id(), stored.displayName(), stored.category(), stored.sourceTemplate(),
                    NotebookReader.read(JSON.readTree(stored.document())), stored.created(), stored.updated(), stored.createdBy(), stored.updatedBy(),
                    stored.revision());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the stored workbook '" + stored.id() + "' of workspace '" + stored.workspaceId() + "' is not JSON", e);
        }
    }

    private static void checkEtag(String workspaceId, String id, Optional<Workbook> existing, Optional<String> ifMatch) {
        if (ifMatch.isEmpty() || ifMatch.get().equals("*")) {
            return;
        }
        Workbook current = existing.orElseThrow(() -> new WorkbookNotFoundException("workspace '" + workspaceId + "' has no workbook '" + id + "'"));
        if (!current.etag().equals("\"" + ifMatch.get().replace("\"", "").strip() + "\"")) {
            throw new WorkbookEtagMismatchException(current, ifMatch.get());
        }
    }

    private void checkWorkspace(String workspaceId) {
        if (!logStore.workspaces().contains(workspaceId)) {
            throw new WorkspaceNotFoundException("there is no workspace '" + workspaceId + "'");
        }
    }

    private static String key(String workspaceId, String id) {
        return workspaceId + "/" + id;
    }
}
