package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.console.ConsolePageException;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.WorkbookServices;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.Assets;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.soc.workbook.InvalidWorkbookException;
import dev.vigil.soc.workbook.Workbook;
import dev.vigil.soc.workbook.WorkbookNotFoundException;
import dev.vigil.soc.workbook.WorkbookTemplate;
import dev.vigil.soc.workbook.evaluation.WorkbookEvaluation;
import dev.vigil.soc.workbook.notebook.LinksItem;
import dev.vigil.soc.workbook.notebook.NotebookDocument;
import dev.vigil.soc.workbook.notebook.ParametersItem;
import dev.vigil.soc.workbook.notebook.WorkbookItem;
import dev.vigil.soc.workbook.notebook.WorkbookLink;
import dev.vigil.soc.workbook.notebook.WorkbookParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Workbooks: the gallery (templates and saved workbooks), a workbook's page, whose parameter and
 * tab changes evaluate again the items that depend on them and whose auto-refresh evaluates all of
 * them, for the viewer, as the API's evaluate does; and the editor of a saved workbook, which a
 * template's "Save as workbook" starts from a copy of the template.
 */
public final class WorkbookPages {
    private static final String AREA = ConsolePaths.WORKSPACE + "/workbooks";
    static final String CLIENT_APP = "Vigil console workbooks";

    private final WorkbookServices workbooks;

    public WorkbookPages(ConsoleServices services) {
        this.workbooks = services.workbooks();
    }

    public void register(ConsoleRouter router) {
        router.get(AREA, request -> gallery(router, request));
        new WorkbookEditor(workbooks).register(router, AREA);
        router.get(AREA + "/templates/{templateId}", request -> {
            WorkbookTemplate template = found(() -> workbooks.templates().get(request.ctx().pathParam("templateId")));
            view(router, request, template.displayName(), "Template", template.document(), Optional.empty(),
                    Optional.of(href(request.workspace()) + "/templates/" + ConsolePaths.encode(template.id()) + "/save-as"));
        });
        router.get(AREA + "/{workbookId}", request -> {
            String workspace = request.workspace();
            Workbook workbook = found(() -> workbooks.workbooks().get(workspace, request.ctx().pathParam("workbookId")));
            view(router, request, workbook.displayName(), "Saved workbook", workbook.document(),
                    Optional.of(href(workspace) + "/" + ConsolePaths.encode(workbook.id()) + "/edit"), Optional.empty());
        });
    }

    public static String href(String workspace) {
        return ConsolePaths.workspace(workspace) + "/workbooks";
    }

    private void gallery(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        List<GalleryPage.Entry> templates = workbooks.templates().list().stream().map(template -> new GalleryPage.Entry(template.displayName(),
                template.description(), template.category(), href(workspace) + "/templates/" + ConsolePaths.encode(template.id()))).toList();
        List<GalleryPage.Entry> saved = workbooks.workbooks().list(workspace).stream().map(workbook -> new GalleryPage.Entry(workbook.displayName(),
                "Saved by " + workbook.updatedBy(), workbook.category(), href(workspace) + "/" + ConsolePaths.encode(workbook.id()))).toList();
        router.templates().render(request.ctx(), "workbooks/gallery.jte", new GalleryPage(request.shell(Area.WORKBOOKS, "Workbooks"), templates,
                saved));
    }

    /**
     * The page, or its items: all of them for a page, the auto-refresh or a request that does not
     * say what the page shows; else ({@value WorkbookPage#APPLIED_FIELD} given) only those that
     * depend on the parameters whose values differ from it.
     */
    private void view(ConsoleRouter router, ConsoleRequest request, String name, String source, NotebookDocument document,
            Optional<String> editHref, Optional<String> saveAsHref) {
        String workspace = request.workspace();
        Set<String> known = parameterNames(document);
        Map<String, List<String>> query = parameterValues(request.ctx().queryParamMap(), known);
        Map<String, JsonNode> given = new LinkedHashMap<>();
        query.forEach((key, values) -> given.put(key, values.size() == 1 && !multiple(document, key) ? TextNode.valueOf(values.get(0))
                : JsonNodeFactory.instance.arrayNode().addAll(values.stream().map(TextNode::valueOf).toList())));
        Optional<Set<String>> changed = Optional.ofNullable(request.fromHtmx() ? request.ctx().queryParam(WorkbookPage.APPLIED_FIELD) : null)
                .map(applied -> changed(known, query, parameterValues(FormValues.decode(applied), known)));
        WorkbookEvaluation evaluation;
        try {
            evaluation = changed.isPresent()
                    ? workbooks.runs().reevaluate(document, given, changed.get(), workspace, request.user().principal(), "session", CLIENT_APP)
                    : workbooks.runs().evaluate(document, given, workspace, request.user().principal(), "session", CLIENT_APP);
        } catch (InvalidWorkbookException e) {
            throw new ConsolePageException(400, "Parameter not valid", e.getMessage());
        }
        String viewHref = request.ctx().path();
        WorkbookViews views = new WorkbookViews(workspace, viewHref, query, evaluation);
        List<ItemSlot> items = views.items(evaluation);
        List<LinkParameter> links = views.linkParameters(document);
        // what the browser's form holds once these items are in place: the values it sent, and those of every control drawn again
        Map<String, List<String>> state = new LinkedHashMap<>(changed.isPresent() ? query : Map.of());
        links.forEach(link -> state.put(link.name(), link.value().isEmpty() ? List.of() : List.of(link.value())));
        state.putAll(views.formState());
        int refresh = refreshSeconds(request.ctx().queryParam("refresh"));
        Permit edit = request.user().permit(Scope.workspace(workspace), Role.CONTRIBUTOR);
        WorkbookPage page = new WorkbookPage(request.shell(Area.WORKBOOKS, name).withScripts(List.of(Assets.ECHARTS, Assets.CHARTS_SCRIPT,
                Assets.WORKBOOKS_SCRIPT)), name, source, viewHref, items, refresh, FormValues.encode(state), links, changed.isPresent(), editHref,
                saveAsHref, edit);
        if (changed.isPresent()) {
            // the changed items replace theirs out of band; the address shows the values without the form's bookkeeping
            request.ctx().header("HX-Reswap", "none");
            request.ctx().header("HX-Push-Url", viewHref + FormValues.query(withRefresh(query, refresh)));
            router.templates().render(request.ctx(), "workbooks/changes.jte", page);
            return;
        }
        router.templates().render(request.ctx(), request.fromHtmx() ? "workbooks/items.jte" : "workbooks/workbook.jte", page);
    }

    /** The known parameters' non-empty values among the request's. */
    private static Map<String, List<String>> parameterValues(Map<String, List<String>> values, Set<String> known) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        values.forEach((key, list) -> {
            List<String> given = list.stream().filter(value -> !value.isEmpty()).toList();
            if (known.contains(key) && !given.isEmpty()) {
                kept.put(key, given);
            }
        });
        return kept;
    }

    /** The parameters whose values the request gives otherwise than the page showed them. */
    private static Set<String> changed(Set<String> known, Map<String, List<String>> now, Map<String, List<String>> before) {
        Set<String> changed = new TreeSet<>();
        for (String name : known) {
            if (!now.getOrDefault(name, List.of()).equals(before.getOrDefault(name, List.of()))) {
                changed.add(name);
            }
        }
        return changed;
    }

    private static Map<String, List<String>> withRefresh(Map<String, List<String>> query, int refresh) {
        Map<String, List<String>> all = new LinkedHashMap<>(query);
        if (refresh > 0) {
            all.put("refresh", List.of(Integer.toString(refresh)));
        }
        return all;
    }

    /** The workbook or template looked up, or the console's not-found page for it. */
    static <T> T found(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (WorkbookNotFoundException e) {
            throw ConsolePageException.notFound(Character.toUpperCase(e.getMessage().charAt(0)) + e.getMessage().substring(1) + ".");
        }
    }

    private static int refreshSeconds(String text) {
        try {
            int seconds = text == null ? 0 : Integer.parseInt(text);
            return WorkbookPage.REFRESH_CHOICES.contains(seconds) ? seconds : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Set<String> parameterNames(NotebookDocument document) {
        Set<String> names = new TreeSet<>();
        for (WorkbookItem item : document.flattened()) {
            if (item instanceof ParametersItem parameters) {
                parameters.parameters().forEach(parameter -> names.add(parameter.name()));
            } else if (item instanceof LinksItem links) {
                links.links().stream().filter(WorkbookLink::setsParameter).forEach(link -> names.add(link.cellValue()));
            }
        }
        return names;
    }

    private static boolean multiple(NotebookDocument document, String name) {
        return document.flattened().stream().filter(ParametersItem.class::isInstance).map(ParametersItem.class::cast)
                .flatMap(item -> item.parameters().stream()).filter(parameter -> parameter.name().equals(name)).anyMatch(WorkbookParameter::multiSelect);
    }
}
