package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.WorkbookServices;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.Assets;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.ConsolePageException;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Workbooks: the gallery (templates and saved workbooks) and a workbook's page, whose parameters,
 * tabs and auto-refresh evaluate it again for the viewer, as the API's evaluate does.
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
        router.get(AREA + "/templates/{templateId}", request -> {
            WorkbookTemplate template = found(() -> workbooks.templates().get(request.ctx().pathParam("templateId")));
            view(router, request, template.displayName(), "Template", template.document());
        });
        router.get(AREA + "/{workbookId}", request -> {
            String workspace = request.workspace();
            Workbook workbook = found(() -> workbooks.workbooks().get(workspace, request.ctx().pathParam("workbookId")));
            view(router, request, workbook.displayName(), "Saved workbook", workbook.document());
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

    private void view(ConsoleRouter router, ConsoleRequest request, String name, String source, NotebookDocument document) {
        String workspace = request.workspace();
        Map<String, List<String>> query = new LinkedHashMap<>();
        Set<String> known = parameterNames(document);
        request.ctx().queryParamMap().forEach((key, values) -> {
            List<String> given = values.stream().filter(value -> !value.isEmpty()).toList();
            if (known.contains(key) && !given.isEmpty()) {
                query.put(key, given);
            }
        });
        Map<String, JsonNode> given = new LinkedHashMap<>();
        query.forEach((key, values) -> given.put(key, values.size() == 1 && !multiple(document, key) ? TextNode.valueOf(values.get(0))
                : JsonNodeFactory.instance.arrayNode().addAll(values.stream().map(TextNode::valueOf).toList())));
        WorkbookEvaluation evaluation;
        try {
            evaluation = workbooks.runs().evaluate(document, given, workspace, request.user().principal(), "session", CLIENT_APP);
        } catch (InvalidWorkbookException e) {
            throw new ConsolePageException(400, "Parameter not valid", e.getMessage());
        }
        String viewHref = request.ctx().path();
        List<ItemView> items = new WorkbookViews(workspace, viewHref, query, evaluation).items(evaluation);
        int refresh = refreshSeconds(request.ctx().queryParam("refresh"));
        WorkbookPage page = new WorkbookPage(request.shell(Area.WORKBOOKS, name).withScripts(List.of(Assets.ECHARTS, Assets.CHARTS_SCRIPT,
                Assets.WORKBOOKS_SCRIPT)), name, source, viewHref, items, refresh);
        router.templates().render(request.ctx(), request.fromHtmx() ? "workbooks/items.jte" : "workbooks/workbook.jte", page);
    }

    private static <T> T found(Supplier<T> lookup) {
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
