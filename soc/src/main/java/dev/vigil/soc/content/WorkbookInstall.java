package dev.vigil.soc.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.workbook.InvalidWorkbookException;
import dev.vigil.soc.workbook.SavedWorkbook;
import dev.vigil.soc.workbook.Workbook;
import dev.vigil.soc.workbook.WorkbookDefinition;
import dev.vigil.soc.workbook.Workbooks;
import dev.vigil.soc.workbook.notebook.NotebookDocument;
import dev.vigil.soc.workbook.notebook.NotebookReader;
import dev.vigil.soc.workbook.notebook.TextItem;
import java.util.Optional;

/**
 * Installs a pack's workbook as published ({@code Workbooks/*.json}: a bare {@code Notebook/1.0}
 * document, a gallery entry or an ARM template of one) as a saved workbook named after its file,
 * in the gallery category of the pack. Installed again, it is unchanged when its document, name and
 * category are the ones saved, and replaced otherwise; a workbook of that name that the same file of
 * the same pack did not install (one saved by hand) is kept, and the file refused.
 */
final class WorkbookInstall {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Workbooks workbooks;

    WorkbookInstall(Workbooks workbooks) {
        this.workbooks = workbooks;
    }

    ImportOutcome install(String workspaceId, String pack, ContentFile file, String user) {
        PackPath path = new PackPath(file.name());
        Optional<String> id = path.resourceName();
        Optional<String> name = Optional.empty();
        try {
            String workbookId = id.orElseThrow(() -> new ContentRefusedException(RefusalReason.InvalidValue, "the file's name '" + path.stem()
                    + "' leaves no workbook name: name the file with letters or digits"));
            NotebookReader.Published published = NotebookReader.unwrap(read(file));
            String displayName = published.displayName().orElseGet(() -> title(published.document()).orElse(path.stem()));
            name = Optional.of(displayName);
            WorkbookDefinition definition = new WorkbookDefinition(displayName, pack, pack + "/" + file.name().replace('\\', '/'), published.document());
            Optional<Workbook> existing = workbooks.find(workspaceId, workbookId);
            if (existing.isPresent() && !existing.get().sourceTemplate().equals(definition.sourceTemplate())) {
                String origin = existing.get().sourceTemplate().isEmpty() ? "saved by " + existing.get().updatedBy()
                        : "from " + existing.get().sourceTemplate();
                throw new ContentRefusedException(RefusalReason.NameTaken, "workspace '" + workspaceId + "' has a workbook '" + workbookId + "' ("
                        + origin + ") that this file did not install; it is kept: rename the file or delete that workbook to install this one");
            }
            if (existing.isPresent() && same(existing.get(), definition)) {
                return outcome(file, workbookId, displayName, ImportStatus.Unchanged, Optional.of("the installed workbook is the same"));
            }
            SavedWorkbook saved = workbooks.save(workspaceId, workbookId, definition, Optional.empty(), user);
            return outcome(file, workbookId, displayName, saved.created() ? ImportStatus.Imported : ImportStatus.Updated, Optional.empty());
        } catch (ContentRefusedException e) {
            return ImportOutcome.refused(file.name(), ContentItemKind.Workbook, id, name, e.refusal());
        } catch (InvalidWorkbookException e) {
            return ImportOutcome.refused(file.name(), ContentItemKind.Workbook, id, name,
                    Refusal.of(RefusalReason.InvalidValue, "the workbook is not valid: " + e.getMessage()));
        }
    }

    private static JsonNode read(ContentFile file) {
        try {
            return JSON.readTree(file.text());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ContentRefusedException(RefusalReason.UnreadableFile, "a workbook is JSON (Notebook/1.0), and this file is not" + where + ": "
                    + e.getOriginalMessage());
        }
    }

    /** The first heading of the workbook's first text item, as Sentinel's workbooks open with their title. */
    private static Optional<String> title(NotebookDocument document) {
        return document.flattened().stream().filter(TextItem.class::isInstance).map(TextItem.class::cast).findFirst()
                .flatMap(text -> text.markdown().lines().map(String::strip).filter(line -> line.startsWith("#")).findFirst())
                .map(line -> line.replaceFirst("^#+", "").strip()).filter(line -> !line.isEmpty() && !line.contains("{"));
    }

    private static boolean same(Workbook installed, WorkbookDefinition file) {
        return installed.displayName().equals(file.displayName()) && installed.category().equals(file.category())
                && installed.sourceTemplate().equals(file.sourceTemplate()) && installed.document().json().equals(file.document().json());
    }

    private static ImportOutcome outcome(ContentFile file, String id, String name, ImportStatus status, Optional<String> note) {
        return new ImportOutcome(file.name(), ContentItemKind.Workbook, Optional.of(id), Optional.of(name), Optional.empty(), status, Optional.empty(),
                note);
    }
}
