package dev.vigil.soc.workbook.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.soc.workbook.InvalidWorkbookException;
import dev.vigil.soc.workbook.notebook.LinksItem;
import dev.vigil.soc.workbook.notebook.NotebookDocument;
import dev.vigil.soc.workbook.notebook.ParameterKind;
import dev.vigil.soc.workbook.notebook.ParametersItem;
import dev.vigil.soc.workbook.notebook.WorkbookItem;
import dev.vigil.soc.workbook.notebook.WorkbookLink;
import dev.vigil.soc.workbook.notebook.WorkbookParameter;
import dev.vigil.workspace.api.ResultTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gives every parameter of a workbook its value, in document order, so that a drop-down's query may
 * use the parameters before it: the value the caller gave, else the parameter's default. Tabs and
 * links that set a parameter count as parameters too; tabs start on their first tab.
 */
final class ParameterResolver {
    private static final String ALL = "value::all";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkbookQueries queries;
    private final Instant now;
    /** The drop-downs whose queries must run; the others' options may be recalled. Empty: every query runs. */
    private final Optional<Set<String>> requeried;
    private final Map<String, ParameterValue> values = new LinkedHashMap<>();
    private final Map<WorkbookItem, List<String>> notices = new HashMap<>();

    private ParameterResolver(WorkbookQueries queries, Instant now, Optional<Set<String>> requeried) {
        this.queries = queries;
        this.now = now;
        this.requeried = requeried;
    }

    /** What resolving found: the values by name, and per parameters or links item what could not be done. */
    record Resolved(Map<String, ParameterValue> values, Map<WorkbookItem, List<String>> notices) {
    }

    /**
     * @param requeried the drop-downs whose options must be queried again; the others take the
     *     options {@link WorkbookQueries#recall} keeps, if any. Empty: every drop-down's query runs.
     */
    static Resolved resolve(NotebookDocument document, Map<String, JsonNode> given, WorkbookQueries queries, Instant now,
            Optional<Set<String>> requeried) {
        ParameterResolver resolver = new ParameterResolver(queries, now, requeried);
        List<WorkbookItem> items = document.flattened();
        checkKnown(items, given.keySet(), "parameters.");
        for (WorkbookItem item : items) {
            if (item instanceof ParametersItem parameters) {
                for (WorkbookParameter parameter : parameters.parameters()) {
                    resolver.values.put(parameter.name(), resolver.value(parameters, parameter, Optional.ofNullable(given.get(parameter.name()))));
                }
            } else if (item instanceof LinksItem links) {
                resolver.links(links, given);
            }
        }
        return new Resolved(Collections.unmodifiableMap(resolver.values), Collections.unmodifiableMap(resolver.notices));
    }

    /** Refuses a name that is no parameter of the workbook; {@code path} prefixes it in the error. */
    static void checkKnown(List<WorkbookItem> items, Set<String> names, String path) {
        TreeSet<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (WorkbookItem item : items) {
            if (item instanceof ParametersItem parameters) {
                parameters.parameters().forEach(parameter -> known.add(parameter.name()));
            } else if (item instanceof LinksItem links) {
                links.links().stream().filter(WorkbookLink::setsParameter).forEach(link -> known.add(link.cellValue()));
            }
        }
        for (String name : names) {
            if (!known.contains(name)) {
                throw new InvalidWorkbookException(path + name, "the workbook has no parameter '" + name + "'; it has "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
    }

    private ParameterValue value(ParametersItem item, WorkbookParameter parameter, Optional<JsonNode> given) {
        String path = "parameters." + parameter.name();
        return switch (parameter.kind()) {
            case TIME_RANGE -> given.or(() -> Optional.of(parameter.value()).filter(value -> !value.isMissingNode() && !value.isNull()))
                    .map(value -> ParameterValue.time(parameter.name(), TimeRangeValue.read(value, given.isPresent() ? path
                            : item.name() + ": parameter " + parameter.name()), parameter.required()))
                    .orElseGet(() -> unset(parameter));
            case TEXT -> text(parameter, given);
            case DROP_DOWN -> dropDown(item, parameter, given);
            case OTHER -> {
                note(item, "parameter '" + parameter.name() + "' is of type " + parameter.type() + " (an Azure resource picker or similar), which"
                        + " Vigil does not offer; it takes the value given to it as text");
                yield text(parameter, given);
            }
        };
    }

    private static ParameterValue text(WorkbookParameter parameter, Optional<JsonNode> given) {
        String text = given.or(() -> Optional.of(parameter.value())).filter(JsonNode::isValueNode).map(JsonNode::asText).orElse("");
        return text.isEmpty() ? unset(parameter) : new ParameterValue(parameter.name(), List.of(text), List.of(text), Optional.empty(),
                parameter.required(), false, "", ",", List.of());
    }

    private static ParameterValue unset(WorkbookParameter parameter) {
        return new ParameterValue(parameter.name(), List.of(), List.of(), Optional.empty(), parameter.required(), parameter.multiSelect(),
                parameter.quote(), parameter.delimiter(), List.of());
    }

    private ParameterValue dropDown(ParametersItem item, WorkbookParameter parameter, Optional<JsonNode> given) {
        List<DropDownOption> options = options(item, parameter);
        List<String> chosen = given.map(ParameterResolver::texts).orElseGet(() -> {
            List<String> defaults = texts(parameter.value());
            return defaults.isEmpty() ? options.stream().filter(DropDownOption::selected).map(DropDownOption::value).toList() : defaults;
        });
        List<String> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String choice : chosen) {
            if (choice.equals(ALL)) {
                if (parameter.selectAllValue().isPresent()) {
                    values.add(parameter.selectAllValue().get());
                    labels.add("All");
                } else {
                    options.forEach(option -> {
                        values.add(option.value());
                        labels.add(option.label());
                    });
                }
            } else if (choice.startsWith("value::") && choice.substring(7).matches("\\d+")) {
                int index = Integer.parseInt(choice.substring(7)) - 1;
                if (index >= 0 && index < options.size()) {
                    values.add(options.get(index).value());
                    labels.add(options.get(index).label());
                }
            } else {
                values.add(choice);
                labels.add(options.stream().filter(option -> option.value().equals(choice)).map(DropDownOption::label).findFirst().orElse(choice));
            }
        }
        if (!parameter.multiSelect() && values.size() > 1) {
            values.subList(1, values.size()).clear();
            labels.subList(1, labels.size()).clear();
        }
        return new ParameterValue(parameter.name(), values, labels, Optional.empty(), parameter.required(), parameter.multiSelect(), parameter.quote(),
                parameter.delimiter(), options);
    }

    private List<DropDownOption> options(ParametersItem item, WorkbookParameter parameter) {
        if (parameter.jsonData().isPresent()) {
            try {
                return fromJson(JSON.readTree(parameter.jsonData().get()));
            } catch (JsonProcessingException e) {
                note(item, "drop-down '" + parameter.name() + "': its jsonData is not JSON (" + e.getOriginalMessage() + ")");
                return List.of();
            }
        }
        if (parameter.query().isPresent()) {
            String kql = new ParameterSubstitution(values, now).apply(parameter.query().get(), true);
            try {
                boolean mayRecall = requeried.isPresent() && !requeried.get().contains(parameter.name());
                return fromTable(mayRecall ? queries.recall(kql).orElseGet(() -> queries.options(kql)) : queries.options(kql));
            } catch (RuntimeException e) {
                note(item, "drop-down '" + parameter.name() + "': its query failed: " + e.getMessage());
                return List.of();
            }
        }
        return List.of();
    }

    private static List<DropDownOption> fromJson(JsonNode data) {
        List<DropDownOption> options = new ArrayList<>();
        for (JsonNode entry : data) {
            if (entry.isObject()) {
                String value = entry.path("value").asText("");
                options.add(new DropDownOption(value, entry.path("label").asText(value), entry.path("selected").asBoolean(false)));
            } else {
                options.add(new DropDownOption(entry.asText(), entry.asText(), false));
            }
        }
        return options;
    }

    /** Rows of (value, label, selected): by those column names when the result has them, else by position. */
    private static List<DropDownOption> fromTable(ResultTable table) {
        List<String> names = table.columns().stream().map(ColumnSchema::name).map(name -> name.toLowerCase(Locale.ROOT)).toList();
        int value = names.contains("value") ? names.indexOf("value") : 0;
        int label = names.contains("label") ? names.indexOf("label") : names.size() > 1 && value == 0 ? 1 : value;
        int selected = names.contains("selected") ? names.indexOf("selected") : names.size() > 2 && value == 0 ? 2 : -1;
        List<DropDownOption> options = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            String text = String.valueOf(row.get(value));
            Object shownAs = row.get(label);
            options.add(new DropDownOption(text, shownAs == null ? text : shownAs.toString(),
                    selected >= 0 && Boolean.parseBoolean(String.valueOf(row.get(selected)))));
        }
        return options;
    }

    private void links(LinksItem links, Map<String, JsonNode> given) {
        Map<String, List<WorkbookLink>> byParameter = new LinkedHashMap<>();
        links.links().stream().filter(WorkbookLink::setsParameter).forEach(link -> byParameter.computeIfAbsent(link.cellValue(), k -> new ArrayList<>())
                .add(link));
        byParameter.forEach((name, choices) -> {
            Optional<String> chosen = Optional.ofNullable(given.get(name)).map(JsonNode::asText)
                    .or(() -> links.tabs() && !values.containsKey(name) ? Optional.of(choices.get(0).subTarget()) : Optional.empty());
            if (chosen.isPresent()) {
                String label = choices.stream().filter(link -> link.subTarget().equals(chosen.get())).map(WorkbookLink::label).findFirst()
                        .orElse(chosen.get());
                values.put(name, ParameterValue.single(name, chosen.get(), label));
            } else {
                values.putIfAbsent(name, new ParameterValue(name, List.of(), List.of(), Optional.empty(), false, false, "", ",", List.of()));
            }
        });
    }

    private static List<String> texts(JsonNode value) {
        if (value.isArray()) {
            List<String> texts = new ArrayList<>();
            value.forEach(entry -> texts.add(entry.asText()));
            return texts;
        }
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty() ? List.of(value.asText()) : List.of();
    }

    private void note(WorkbookItem item, String notice) {
        notices.computeIfAbsent(item, k -> new ArrayList<>()).add(notice);
    }
}
