package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.console.ConsolePageException;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.WorkbookServices;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.soc.workbook.InvalidWorkbookException;
import dev.vigil.soc.workbook.Workbook;
import dev.vigil.soc.workbook.WorkbookDefinition;
import dev.vigil.soc.workbook.WorkbookEtagMismatchException;
import dev.vigil.soc.workbook.WorkbookTemplate;
import dev.vigil.soc.workbook.notebook.NotebookReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The editor of a saved workbook: add, edit, move and remove its text, query, parameters, links
 * and group items (a group's own items too), and save them over the revision the editor was opened
 * at; and "Save as workbook" of a template, which opens the editor on the copy. Contributors edit;
 * others see the editor disabled with the reason. Each button posts the whole form and gets the
 * editor back (htmx); only Save writes.
 */
final class WorkbookEditor {
    private final WorkbookServices workbooks;

    WorkbookEditor(WorkbookServices workbooks) {
        this.workbooks = workbooks;
    }

    void register(ConsoleRouter router, String area) {
        router.get(area + "/{workbookId}/edit", request -> {
            Workbook workbook = workbook(request);
            render(router, request, workbook, WorkbookDraft.of(workbook.displayName(), workbook.etag(), workbook.document()), EditorErrors.NONE,
                    Optional.empty());
        });
        router.post(area + "/{workbookId}/edit", request -> change(router, request));
        router.post(area + "/templates/{templateId}/save-as", this::saveAs);
    }

    /** A copy of the template saved as a new workbook of the workspace (named as the template, at a new id), then its editor. */
    private void saveAs(ConsoleRequest request) {
        Permit permit = permit(request);
        if (!permit.allowed()) {
            throw new ConsolePageException(403, "Not allowed", permit.reason());
        }
        WorkbookTemplate template = WorkbookPages.found(() -> workbooks.templates().get(request.ctx().pathParam("templateId")));
        String id = UUID.randomUUID().toString();
        WorkbookDefinition definition = new WorkbookDefinition(template.displayName(), Objects.requireNonNullElse(template.category(), ""),
                template.id(), template.document());
        Workbook saved = workbooks.workbooks().save(request.workspace(), id, definition, Optional.empty(), request.user().name()).workbook();
        AuditNotes.put(request.ctx(), "workbook", id);
        request.redirect(viewHref(saved) + "/edit");
    }

    private void change(ConsoleRouter router, ConsoleRequest request) {
        Workbook workbook = workbook(request);
        Permit permit = permit(request);
        if (!permit.allowed()) {
            throw new ConsolePageException(403, "Not allowed", permit.reason());
        }
        WorkbookDraft draft;
        try {
            draft = WorkbookDraft.fromForm(request.ctx().formParamMap());
        } catch (DraftException e) {
            // the form is not the editor's own (changed outside it): only the saved workbook is known for sure
            render(router, request, workbook, WorkbookDraft.of(workbook.displayName(), workbook.etag(), workbook.document()), EditorErrors.NONE,
                    Optional.of(e.getMessage()));
            return;
        }
        String action = request.ctx().formParam("action");
        if (!"save".equals(action)) {
            WorkbookDraft next = draft.apply(action);
            render(router, request, workbook, next, new EditorErrors(next.problems()), Optional.empty());
            return;
        }
        Map<String, String> problems = draft.saveProblems();
        if (!problems.isEmpty()) {
            render(router, request, workbook, draft, new EditorErrors(problems), Optional.of(notSaved(problems.size())));
            return;
        }
        JsonNode document = draft.document(workbook.document());
        try {
            WorkbookDefinition definition = new WorkbookDefinition(draft.displayName(), workbook.category(), workbook.sourceTemplate(),
                    NotebookReader.read(document));
            workbooks.workbooks().save(workbook.workspaceId(), workbook.id(), definition, Optional.of(draft.etag()), request.user().name());
            AuditNotes.put(request.ctx(), "workbook", workbook.id());
            request.redirect(viewHref(workbook));
        } catch (InvalidWorkbookException e) {
            // the API's own checks: their refusal goes beside the field of the place it names
            String field = FieldPaths.field(document, e.path());
            render(router, request, workbook, draft, new EditorErrors(Map.of(field, "The save refuses " + e.getMessage())),
                    Optional.of(field.isEmpty() ? "The workbook cannot be saved: " + e.getMessage() : notSaved(1)));
        } catch (WorkbookEtagMismatchException e) {
            render(router, request, workbook, draft, EditorErrors.NONE, Optional.of("Someone else saved this workbook since you opened the editor:"
                    + " it is at etag " + workbook.etag() + ", your edits start from " + draft.etag() + ". Nothing was saved. Your edits are still"
                    + " here; copy what you need, then reload the editor to start from the saved workbook."));
        }
    }

    private static String notSaved(int fields) {
        return "Nothing was saved: " + (fields == 1 ? "a field needs" : fields + " fields need") + " a change, marked below. Your edits are still here.";
    }

    private void render(ConsoleRouter router, ConsoleRequest request, Workbook workbook, WorkbookDraft draft, EditorErrors errors,
            Optional<String> summary) {
        List<EditorItem> items = new ArrayList<>();
        List<ObjectNode> json = draft.items();
        for (int i = 0; i < json.size(); i++) {
            items.add(EditorItem.of(i, json));
        }
        EditorPage page = new EditorPage(request.shell(Area.WORKBOOKS, "Edit " + workbook.displayName()), viewHref(workbook),
                viewHref(workbook) + "/edit", draft.displayName(), draft.etag(), items, permit(request),
                summary.or(() -> errors.at("")).or(() -> errors.isEmpty() ? Optional.empty() : Optional.of(errors.byField().size() == 1
                        ? "A field needs a change, marked below." : errors.byField().size() + " fields need a change, marked below.")), errors);
        router.templates().render(request.ctx(), "workbooks/editor.jte", page);
    }

    private Workbook workbook(ConsoleRequest request) {
        String workspace = request.workspace();
        return WorkbookPages.found(() -> workbooks.workbooks().get(workspace, request.ctx().pathParam("workbookId")));
    }

    private static Permit permit(ConsoleRequest request) {
        return request.user().permit(Scope.workspace(request.workspace()), Role.CONTRIBUTOR);
    }

    private static String viewHref(Workbook workbook) {
        return WorkbookPages.href(workbook.workspaceId()) + "/" + ConsolePaths.encode(workbook.id());
    }
}
