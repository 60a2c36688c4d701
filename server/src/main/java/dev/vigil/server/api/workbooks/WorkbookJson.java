package dev.vigil.server.api.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.api.ColumnJson;
import dev.vigil.soc.workbook.InvalidWorkbookException;
import dev.vigil.soc.workbook.Workbook;
import dev.vigil.soc.workbook.WorkbookDefinition;
import dev.vigil.soc.workbook.WorkbookTemplate;
import dev.vigil.soc.workbook.evaluation.ItemResult;
import dev.vigil.soc.workbook.evaluation.ParameterValue;
import dev.vigil.soc.workbook.evaluation.WorkbookEvaluation;
import dev.vigil.soc.workbook.notebook.NotebookReader;
import dev.vigil.soc.workbook.notebook.QueryItem;
import dev.vigil.workspace.api.ResultTable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Workbooks in the shape of Azure's {@code microsoft.insights/workbooks} resource ({@code name},
 * {@code etag}, {@code properties.displayName}, {@code properties.serializedData} as text), and
 * evaluations as {@code {"parameters", "items"}}.
 */
final class WorkbookJson {
    private WorkbookJson() {
    }

    /**
     * What a PUT saves: a workbook resource ({@code properties.displayName} and {@code serializedData}),
     * or a template as published (a bare {@code Notebook/1.0} document or an ARM template), named by its
     * wrapper, else by {@code fallbackName}.
     */
    static WorkbookDefinition read(JsonNode body, String fallbackName) {
        if (body == null) {
            throw new InvalidWorkbookException("$", "the body must be a workbook: {\"properties\": {\"displayName\", \"serializedData\"}}, or a"
                    + " Notebook/1.0 document");
        }
        NotebookReader.Published published = NotebookReader.unwrap(body);
        JsonNode properties = body.path("properties");
        String displayName = properties.path("displayName").isTextual() && !properties.path("displayName").asText().startsWith("[")
                ? properties.path("displayName").asText()
                : published.displayName().orElse(fallbackName);
        return new WorkbookDefinition(displayName, properties.path("category").asText("workbook"), properties.path("templateId").asText(""),
                published.document());
    }

    static Map<String, Object> write(Workbook workbook) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("displayName", workbook.displayName());
        properties.put("category", workbook.category());
        properties.put("templateId", workbook.sourceTemplate());
        properties.put("version", "Notebook/1.0");
        properties.put("serializedData", workbook.document().json().toString());
        properties.put("timeCreated", workbook.created().toString());
        properties.put("timeModified", workbook.updated().toString());
        properties.put("createdBy", workbook.createdBy());
        properties.put("modifiedBy", workbook.updatedBy());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", "/workspaces/" + workbook.workspaceId() + "/workbooks/" + workbook.id());
        json.put("name", workbook.id());
        json.put("type", "microsoft.insights/workbooks");
        json.put("etag", workbook.etag());
        json.put("properties", properties);
        return json;
    }

    /** A template; with its document when {@code withDocument}, else only what the gallery lists. */
    static Map<String, Object> write(WorkbookTemplate template, boolean withDocument) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("displayName", template.displayName());
        properties.put("description", template.description());
        properties.put("category", template.category());
        if (withDocument) {
            properties.put("serializedData", template.document().json().toString());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", template.id());
        json.put("type", "workbookTemplates");
        json.put("properties", properties);
        return json;
    }

    static Map<String, Object> write(WorkbookEvaluation evaluation) {
        return Map.of("parameters", evaluation.parameters().stream().map(WorkbookJson::parameter).toList(),
                "items", evaluation.items().stream().map(WorkbookJson::item).toList());
    }

    private static Map<String, Object> parameter(ParameterValue value) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", value.name());
        json.put("value", value.multiSelect() ? value.values() : value.values().isEmpty() ? null : value.values().get(0));
        json.put("label", value.label());
        return json;
    }

    private static Map<String, Object> item(ItemResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", result.item().name());
        json.put("type", result.item().type());
        json.put("status", result.status().label());
        json.put("message", result.message().orElse(null));
        json.put("tables", result.tables().stream().map(WorkbookJson::table).toList());
        json.put("depth", result.depth());
        json.put("position", result.position());
        result.text().ifPresent(text -> json.put("text", text));
        if (result.item() instanceof QueryItem query) {
            json.put("visualization", query.visualization());
        }
        result.query().ifPresent(query -> json.put("query", query));
        result.timespan().ifPresent(timespan -> json.put("timespan", timespan));
        return json;
    }

    private static Map<String, Object> table(ResultTable table) {
        return Map.of("name", table.name(), "columns", table.columns().stream().map(ColumnJson::of).toList(), "rows", table.rows());
    }

    /** The {@code parameters} object of an evaluate request, by name; empty when there is none. */
    static Map<String, JsonNode> parameters(JsonNode body) {
        if (body == null || body.path("parameters").isMissingNode() || body.path("parameters").isNull()) {
            return Map.of();
        }
        if (!body.path("parameters").isObject()) {
            throw new InvalidWorkbookException("parameters", "must be an object of parameter values by name");
        }
        Map<String, JsonNode> given = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.path("parameters").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            given.put(field.getKey(), field.getValue());
        }
        return given;
    }

    /**
     * The {@code changed} array of an evaluate request: the parameters whose values differ from the
     * evaluation the caller holds, so that only the items depending on them are evaluated; empty
     * when the request has none (every item is).
     */
    static Optional<Set<String>> changed(JsonNode body) {
        if (body == null || body.path("changed").isMissingNode() || body.path("changed").isNull()) {
            return Optional.empty();
        }
        JsonNode changed = body.path("changed");
        if (!changed.isArray()) {
            throw new InvalidWorkbookException("changed", "must be an array of parameter names");
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < changed.size(); i++) {
            if (!changed.get(i).isTextual()) {
                throw new InvalidWorkbookException("changed[" + i + "]", "must be a parameter name; was " + changed.get(i));
            }
            names.add(changed.get(i).asText());
        }
        return Optional.of(names);
    }

    static List<Map<String, Object>> list(List<Workbook> workbooks) {
        return workbooks.stream().map(WorkbookJson::write).toList();
    }
}
