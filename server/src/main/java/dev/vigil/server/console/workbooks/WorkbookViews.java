package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.logs.ChartData;
import dev.vigil.server.console.logs.LogsPages;
import dev.vigil.soc.workbook.evaluation.DropDownOption;
import dev.vigil.soc.workbook.evaluation.ItemResult;
import dev.vigil.soc.workbook.evaluation.ItemStatus;
import dev.vigil.soc.workbook.evaluation.ParameterValue;
import dev.vigil.soc.workbook.evaluation.WorkbookEvaluation;
import dev.vigil.soc.workbook.notebook.GroupItem;
import dev.vigil.soc.workbook.notebook.LinksItem;
import dev.vigil.soc.workbook.notebook.NotebookDocument;
import dev.vigil.soc.workbook.notebook.ParameterKind;
import dev.vigil.soc.workbook.notebook.ParametersItem;
import dev.vigil.soc.workbook.notebook.QueryItem;
import dev.vigil.soc.workbook.notebook.TextItem;
import dev.vigil.soc.workbook.notebook.WorkbookItem;
import dev.vigil.soc.workbook.notebook.WorkbookLink;
import dev.vigil.soc.workbook.notebook.WorkbookParameter;
import dev.vigil.workspace.api.ResultTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns an evaluated workbook into what its page shows: each visible item as an {@link ItemView}. */
final class WorkbookViews {
    private static final List<Integer> WIDTHS = List.of(10, 20, 25, 30, 33, 40, 50, 60, 67, 70, 75, 80, 90, 100);
    private static final List<Duration> TIME_RANGES = List.of(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12),
            Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30));
    private static final Set<String> CHARTS = Set.of("timechart", "linechart", "areachart", "piechart", "scatterchart", "columnchart");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String workspace;
    private final String viewHref;
    private final Map<String, List<String>> query;
    private final Map<String, ParameterValue> values = new LinkedHashMap<>();
    /** What the form sends for each control drawn so far, as the browser will send it. */
    private final Map<String, List<String>> formState = new LinkedHashMap<>();

    /**
     * @param viewHref the page's address without its query
     * @param query the page's parameters as its address carries them, kept in the tabs' addresses
     */
    WorkbookViews(String workspace, String viewHref, Map<String, List<String>> query, WorkbookEvaluation evaluation) {
        this.workspace = workspace;
        this.viewHref = viewHref;
        this.query = query;
        evaluation.parameters().forEach(value -> values.put(value.name(), value));
    }

    /** A slot per evaluated item, in the order evaluated; a hidden item's is empty. */
    List<ItemSlot> items(WorkbookEvaluation evaluation) {
        List<ItemSlot> slots = new ArrayList<>();
        for (ItemResult result : evaluation.items()) {
            slots.add(ItemSlot.at(result.position(), result.status() == ItemStatus.HIDDEN ? Optional.empty() : Optional.of(view(result))));
        }
        return slots;
    }

    /** The values the form sends for the parameter controls drawn by {@link #items}, by parameter name. */
    Map<String, List<String>> formState() {
        return formState;
    }

    /** The parameters that tabs and links set, with their current values, for the form's hidden fields. */
    List<LinkParameter> linkParameters(NotebookDocument document) {
        Map<String, String> current = new LinkedHashMap<>();
        for (WorkbookItem item : document.flattened()) {
            if (item instanceof LinksItem links) {
                links.links().stream().filter(WorkbookLink::setsParameter).forEach(link -> current.putIfAbsent(link.cellValue(),
                        Optional.ofNullable(values.get(link.cellValue())).map(ParameterValue::plain).orElse("")));
            }
        }
        return current.entrySet().stream().map(entry -> new LinkParameter(entry.getKey(), entry.getValue())).toList();
    }

    private ItemView view(ItemResult result) {
        WorkbookItem item = result.item();
        String width = widthClass(item);
        ItemView base = ItemView.of(item.name(), "", result.depth(), width, result.text().orElse(""));
        List<String> notices = result.message().map(List::of).orElse(List.of());
        if (result.status() == ItemStatus.UNSUPPORTED) {
            return with(base, "notice", notices, Optional.empty());
        }
        if (item instanceof TextItem) {
            return new ItemView(item.name(), "text", result.depth(), width, "", Markdown.html(result.text().orElse("")), Optional.empty(),
                    Optional.empty(), List.of(), List.of(), Optional.empty(), List.of(), List.of(), Optional.empty());
        }
        if (item instanceof ParametersItem parameters) {
            return new ItemView(item.name(), "parameters", result.depth(), width, "", "", Optional.empty(), Optional.empty(), List.of(), notices,
                    Optional.empty(), parameters.parameters().stream().map(this::control).toList(), List.of(), Optional.empty());
        }
        if (item instanceof LinksItem links) {
            return new ItemView(item.name(), links.tabs() ? "tabs" : "links", result.depth(), width, "", "", Optional.empty(), Optional.empty(),
                    List.of(), notices, Optional.empty(), List.of(), links.links().stream().map(this::link).toList(), Optional.empty());
        }
        if (item instanceof GroupItem) {
            return with(base, "group", notices, Optional.empty());
        }
        QueryItem queryItem = (QueryItem) item;
        Optional<String> logs = result.query().map(kql -> LogsPages.href(workspace, kql));
        if (result.status() == ItemStatus.ERROR) {
            return new ItemView(item.name(), "error", result.depth(), width, base.title(), "", Optional.empty(), Optional.empty(), List.of(),
                    List.of(), result.message(), List.of(), List.of(), logs);
        }
        return query(queryItem, result, base, logs);
    }

    private static ItemView with(ItemView base, String kind, List<String> notices, Optional<String> logs) {
        return new ItemView(base.name(), kind, base.depth(), base.widthClass(), base.title(), "", Optional.empty(), Optional.empty(), List.of(),
                notices, Optional.empty(), List.of(), List.of(), logs);
    }

    private ItemView query(QueryItem item, ItemResult result, ItemView base, Optional<String> logs) {
        ResultTable table = result.tables().get(0);
        String visualization = item.visualization();
        String kind = switch (visualization) {
            case "barchart", "categoricalbar", "unstackedbar" -> "columnchart";
            case "scatter" -> "scatterchart";
            default -> visualization;
        };
        List<String> notices = new ArrayList<>();
        Optional<String> chart = Optional.empty();
        Optional<GridView> grid = Optional.empty();
        List<TileView> tiles = List.of();
        MapRendering.Drawn map = kind.equals("map") ? MapRendering.map(item, table) : new MapRendering.Drawn(Optional.empty(), Optional.empty());
        if (CHARTS.contains(kind)) {
            chart = Optional.of(chart(kind, table));
        } else if (kind.equals("tiles") || kind.equals("stat") || kind.equals("card")) {
            tiles = tiles(item, table, !kind.equals("tiles"));
        } else if (map.chart().isPresent()) {
            chart = map.chart();
        } else {
            map.notice().ifPresent(notices::add);
            if (!kind.equals("table") && !kind.equals("map") && !kind.isEmpty()) {
                notices.add("The visualization '" + visualization + "' is not supported by Vigil; the result is shown as a table.");
            }
            GridView drawn = GridRendering.grid(item, table);
            notices.addAll(drawn.notices());
            grid = Optional.of(drawn);
        }
        return new ItemView(base.name(), "query", base.depth(), base.widthClass(), base.title(), "", chart, grid, tiles, notices, Optional.empty(),
                List.of(), List.of(), logs);
    }

    private static String chart(String kind, ResultTable table) {
        ChartData data = new ChartData(kind, "", table.columns().stream().map(c -> new ChartData.Column(c.name(), c.type().kqlName())).toList(),
                table.rows().size() > 5_000 ? table.rows().subList(0, 5_000) : table.rows());
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chart's data does not write as JSON", e);
        }
    }

    /**
     * Tiles from {@code tileSettings}' title and left columns, else the first text and the first number;
     * {@code stat} and {@code card} items draw them as big numbers.
     */
    private static List<TileView> tiles(QueryItem item, ResultTable table, boolean bigNumbers) {
        JsonNode settings = item.json().path("content").path("tileSettings");
        List<String> names = table.columns().stream().map(ColumnSchema::name).toList();
        int title = names.indexOf(settings.path("titleContent").path("columnMatch").asText(""));
        int value = names.indexOf(settings.path("leftContent").path("columnMatch").asText(""));
        if (title < 0) {
            title = firstColumn(table, false);
        }
        if (value < 0) {
            value = firstColumn(table, true);
        }
        // the big value in its number format and unit, as a grid's cell would show it
        NumberText format = NumberText.of(settings.path("leftContent"));
        List<TileView> tiles = new ArrayList<>();
        for (List<Object> row : table.rows().subList(0, Math.min(table.rows().size(), 24))) {
            Object shown = value < 0 ? null : row.get(value);
            tiles.add(new TileView(title < 0 ? "" : text(row.get(title)), value < 0 ? "" : format.parts(shown).map(NumberText.Parts::text)
                    .orElse(text(shown)), bigNumbers));
        }
        return tiles;
    }

    private static int firstColumn(ResultTable table, boolean numeric) {
        for (int i = 0; i < table.columns().size(); i++) {
            boolean isNumber = Set.of("int", "long", "real", "decimal").contains(table.columns().get(i).type().kqlName());
            if (isNumber == numeric) {
                return i;
            }
        }
        return -1;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private ParameterControl control(WorkbookParameter parameter) {
        ParameterValue value = values.get(parameter.name());
        if (parameter.kind() == ParameterKind.TIME_RANGE) {
            List<Duration> choices = new ArrayList<>();
            parameter.json().path("typeSettings").path("selectableValues").forEach(choice -> choices.add(Duration.ofMillis(choice.path("durationMs")
                    .asLong())));
            Optional<Duration> current = Optional.ofNullable(value).flatMap(ParameterValue::timeRange).flatMap(range -> range.duration());
            if (choices.isEmpty()) {
                choices.addAll(TIME_RANGES);
            }
            current.filter(duration -> !choices.contains(duration)).ifPresent(choices::add);
            formState.put(parameter.name(), current.map(duration -> List.of(duration.toString())).orElse(List.of()));
            return new ParameterControl(parameter.name(), parameter.label(), "time", false, choices.stream().map(duration -> new ParameterControl.Option(
                    duration.toString(), dev.vigil.soc.workbook.evaluation.TimeRangeValue.last(duration).label(), current.equals(Optional.of(duration))))
                    .toList(), "");
        }
        if (parameter.kind() == ParameterKind.DROP_DOWN) {
            List<ParameterControl.Option> options = new ArrayList<>();
            List<String> chosen = value == null ? List.of() : value.values();
            boolean all = parameter.json().path("typeSettings").path("additionalResourceOptions").toString().contains("value::all");
            boolean allChosen = all && (parameter.selectAllValue().map(chosen::contains).orElse(false)
                    || value != null && value.options().size() > 1 && chosen.size() == value.options().size());
            if (all) {
                options.add(new ParameterControl.Option("value::all", "All", allChosen));
            }
            if (value != null) {
                for (DropDownOption option : value.options()) {
                    options.add(new ParameterControl.Option(option.value(), option.label(), !allChosen && chosen.contains(option.value())));
                }
            }
            formState.put(parameter.name(), options.stream().filter(ParameterControl.Option::selected).map(ParameterControl.Option::value).toList());
            return new ParameterControl(parameter.name(), parameter.label(), "dropdown", parameter.multiSelect(), options, "");
        }
        String text = value == null || value.values().isEmpty() ? "" : value.values().get(0);
        formState.put(parameter.name(), text.isEmpty() ? List.of() : List.of(text));
        return new ParameterControl(parameter.name(), parameter.label(), "text", false, List.of(), text);
    }

    private TabLink link(WorkbookLink link) {
        if (!link.setsParameter()) {
            return new TabLink(link.label(), link.target().equals("url") && link.cellValue().startsWith("https://") ? link.cellValue() : "#", false, "",
                    "");
        }
        Map<String, List<String>> next = new LinkedHashMap<>(query);
        next.put(link.cellValue(), List.of(link.subTarget()));
        StringBuilder href = new StringBuilder(viewHref);
        char separator = '?';
        for (Map.Entry<String, List<String>> entry : next.entrySet()) {
            for (String value : entry.getValue()) {
                href.append(separator).append(ConsolePaths.encode(entry.getKey())).append('=').append(ConsolePaths.encode(value));
                separator = '&';
            }
        }
        ParameterValue current = values.get(link.cellValue());
        return new TabLink(link.label(), href.toString(), current != null && current.values().contains(link.subTarget()), link.cellValue(),
                link.subTarget());
    }

    /** The width's class ({@code wb-w-50}) and, for a query, its size's ({@code wb-size-2}: 0 medium, 1 small, 2 large, 3 full, 4 tiny). */
    private static String widthClass(WorkbookItem item) {
        int percent = item.layout().widthPercent().orElse(100);
        int nearest = WIDTHS.stream().min((a, b) -> Integer.compare(Math.abs(a - percent), Math.abs(b - percent))).orElse(100);
        int size = item.layout().size();
        return "wb-w-" + nearest + (item instanceof QueryItem && size >= 0 && size <= 4 ? " wb-size-" + size : "");
    }
}
