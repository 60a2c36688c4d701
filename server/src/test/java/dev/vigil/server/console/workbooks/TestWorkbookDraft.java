package dev.vigil.server.console.workbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.workbook.notebook.NotebookDocument;
import dev.vigil.soc.workbook.notebook.NotebookReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The editor's draft: read back from the form with the user's edits, changed by its buttons, written as the document to save. */
class TestWorkbookDraft {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static NotebookDocument document(String json) throws Exception {
        return NotebookReader.read(JSON.readTree(json));
    }

    /** The form the editor would send for the draft, before the user changes anything. */
    private static Map<String, List<String>> form(WorkbookDraft draft) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("displayName", List.of(draft.displayName()));
        form.put("etag", List.of(draft.etag()));
        form.put("items", List.of(Integer.toString(draft.items().size())));
        for (int i = 0; i < draft.items().size(); i++) {
            put(form, EditorItem.of(i, draft.items()));
        }
        return form;
    }

    private static void put(Map<String, List<String>> form, EditorItem item) {
        String prefix = "item." + item.path() + ".";
        form.put(prefix + "json", List.of(item.json()));
        switch (item.kind()) {
            case "text" -> form.put(prefix + "markdown", List.of(item.markdown()));
            case "query" -> {
                form.put(prefix + "title", List.of(item.title()));
                form.put(prefix + "query", List.of(item.query()));
                form.put(prefix + "visualization", List.of(item.visualization()));
                form.put(prefix + "width", List.of(item.width()));
                form.put(prefix + "formatters", List.of(Integer.toString(item.formatters().size())));
                for (EditorFormatter formatter : item.formatters()) {
                    String field = prefix + "formatter." + formatter.index() + ".";
                    form.put(field + "column", List.of(formatter.column()));
                    form.put(field + "type", List.of(Integer.toString(formatter.type())));
                    form.put(field + "palette", List.of(formatter.palette()));
                    form.put(field + "min", List.of(formatter.min()));
                    form.put(field + "max", List.of(formatter.max()));
                    form.put(field + "unit", List.of(formatter.unit()));
                    form.put(field + "digits", List.of(formatter.digits()));
                    form.put(field + "dateFormat", List.of(formatter.dateFormat()));
                    form.put(field + "linkTarget", List.of(formatter.linkTarget()));
                    form.put(field + "linkLabel", List.of(formatter.linkLabel()));
                    form.put(field + "thresholdStyle", List.of(formatter.thresholdStyle()));
                    form.put(field + "thresholds", List.of(Integer.toString(formatter.thresholds().size())));
                    for (EditorThreshold threshold : formatter.thresholds()) {
                        String row = field + "threshold." + threshold.index() + ".";
                        form.put(row + "operator", List.of(threshold.operator()));
                        form.put(row + "value", List.of(threshold.value()));
                        form.put(row + "representation", List.of(threshold.representation()));
                        form.put(row + "text", List.of(threshold.text()));
                    }
                }
                form.put(prefix + "tileTitle", List.of(item.tileTitle()));
                form.put(prefix + "tileValue", List.of(item.tileValue()));
            }
            case "parameters" -> {
                form.put(prefix + "parameters", List.of(Integer.toString(item.parameters().size())));
                for (EditorParameter parameter : item.parameters()) {
                    String field = prefix + "parameter." + parameter.index() + ".";
                    form.put(field + "name", List.of(parameter.name()));
                    form.put(field + "label", List.of(parameter.label()));
                    form.put(field + "type", List.of(Integer.toString(parameter.type())));
                    form.put(field + "default", List.of(parameter.defaultValue()));
                    form.put(field + "options", List.of(parameter.options()));
                    form.put(field + "query", List.of(parameter.query()));
                    form.put(field + "quote", List.of(parameter.quote()));
                    form.put(field + "delimiter", List.of(parameter.delimiter()));
                    form.put(field + "allValue", List.of(parameter.allValue()));
                    form.put(field + "timeRanges", List.of(parameter.timeRanges()));
                    form.put(field + "all", parameter.all() ? List.of("", "on") : List.of(""));
                    if (parameter.multiple()) {
                        form.put(field + "multiple", List.of("on"));
                    }
                    if (parameter.required()) {
                        form.put(field + "required", List.of("on"));
                    }
                }
            }
            case "links" -> {
                form.put(prefix + "style", List.of(item.style()));
                form.put(prefix + "links", List.of(Integer.toString(item.links().size())));
                for (EditorLink link : item.links()) {
                    String field = prefix + "link." + link.index() + ".";
                    form.put(field + "label", List.of(link.label()));
                    form.put(field + "target", List.of(link.target()));
                    form.put(field + "cell", List.of(link.cell()));
                    form.put(field + "value", List.of(link.value()));
                }
            }
            case "group" -> {
                form.put(prefix + "title", List.of(item.title()));
                form.put(prefix + "width", List.of(item.width()));
                form.put(prefix + "items", List.of(Integer.toString(item.children().size())));
                item.children().forEach(child -> put(form, child));
            }
            default -> {
            }
        }
        form.put(prefix + "conditions", List.of(Integer.toString(item.conditions().size())));
        for (EditorCondition condition : item.conditions()) {
            String field = prefix + "condition." + condition.index() + ".";
            form.put(field + "parameter", List.of(condition.parameter()));
            form.put(field + "comparison", List.of(condition.comparison()));
            form.put(field + "value", List.of(condition.value()));
        }
    }

    @Test
    void testAnUnchangedFormGivesBackTheDocumentWithSettingsTheEditorDoesNotShow() throws Exception {
        NotebookDocument original = document("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":1,\"name\":\"intro\",\"content\":{\"json\":\"# Hi\"}},"
                + "{\"type\":3,\"name\":\"q\",\"customWidth\":\"50\",\"content\":{\"query\":\"T | count\",\"title\":\"Count\",\"visualization\":\"tiles\","
                + "\"gridSettings\":{\"formatters\":[{\"columnMatch\":\"n\",\"formatter\":8,\"formatOptions\":{\"palette\":\"blue\","
                + "\"min\":\"0\",\"max\":null,\"customColumnWidthSetting\":\"9ch\"}},{\"columnMatch\":\"State|Health\",\"formatter\":18,"
                + "\"formatOptions\":{\"thresholdsOptions\":\"icons\",\"thresholdsGrid\":[{\"operator\":\">\",\"thresholdValue\":10,"
                + "\"representation\":\"critical\",\"text\":\"{0}{1}\"},{\"operator\":\"Default\",\"thresholdValue\":null,"
                + "\"representation\":\"success\",\"text\":\"{0}{1}\"}]},\"numberFormat\":{\"unit\":17,\"options\":{\"style\":\"decimal\","
                + "\"maximumFractionDigits\":2}}},{\"columnMatch\":\"TimeGenerated\",\"formatter\":6,\"dateFormat\":{\"showUtcTime\":null,"
                + "\"formatName\":\"shortDateTimePattern\"}}]},"
                + "\"tileSettings\":{\"titleContent\":{\"columnMatch\":\"Name\",\"formatter\":1},\"showBorder\":false}},"
                + "\"conditionalVisibility\":{\"parameterName\":\"Tab\",\"comparison\":\"isEqualTo\",\"value\":\"one\"},"
                + "\"conditionalVisibilities\":[{\"parameterName\":\"Severity\",\"comparison\":\"isNotEqualTo\",\"value\":\"Low\"}]},"
                + "{\"type\":9,\"name\":\"p\",\"content\":{\"parameters\":[{\"name\":\"TimeRange\",\"type\":4,\"isRequired\":true,"
                + "\"value\":{\"durationMs\":86400000},\"typeSettings\":{\"selectableValues\":[{\"durationMs\":3600000},{\"durationMs\":86400000}]}},"
                + "{\"name\":\"Severity\",\"type\":2,\"multiSelect\":true,\"quote\":\"'\",\"delimiter\":\",\",\"jsonData\":\"[\\\"High\\\"]\","
                + "\"value\":[\"value::all\"],\"typeSettings\":{\"additionalResourceOptions\":[\"value::all\"],\"selectAllValue\":\"*\"}}]}},"
                + "{\"type\":11,\"name\":\"tabs\",\"content\":{\"version\":\"LinkItem/1.0\",\"style\":\"tabs\",\"links\":[{\"id\":\"l1\","
                + "\"cellValue\":\"tab\",\"linkTarget\":\"parameter\",\"linkLabel\":\"One\",\"subTarget\":\"one\",\"style\":\"link\"}]}},"
                + "{\"type\":12,\"name\":\"group\",\"content\":{\"version\":\"NotebookGroup/1.0\",\"items\":[{\"type\":1,\"name\":\"inner\","
                + "\"content\":{\"json\":\"In\"}},{\"type\":12,\"name\":\"deeper\",\"content\":{\"items\":[{\"type\":3,\"name\":\"deep query\","
                + "\"content\":{\"query\":\"T | take 1\"}}]}}]}}],\"fallbackResourceIds\":[\"x\"]}");
        WorkbookDraft draft = WorkbookDraft.of("Shift", "\"3\"", original);

        JsonNode saved = WorkbookDraft.fromForm(form(draft)).document(original);

        assertThat(saved).isEqualTo(original.json());
    }

    @Test
    void testButtonsAddMoveAndDeleteItems() throws Exception {
        NotebookDocument original = document("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":1,\"name\":\"a\",\"content\":{\"json\":\"A\"}},"
                + "{\"type\":1,\"name\":\"b\",\"content\":{\"json\":\"B\"}}]}");
        WorkbookDraft draft = WorkbookDraft.of("Shift", "\"1\"", original);

        WorkbookDraft changed = draft.apply("add:query").apply("up:2").apply("delete:0").apply("up:0").apply("down:9").apply("nonsense");

        assertThat(changed.items()).extracting(item -> item.path("name").asText()).containsExactly("query - 2", "b");
        assertThat(changed.items().get(0).path("content").path("resourceType").asText()).isEqualTo("microsoft.operationalinsights/workspaces");
        assertThat(draft.items()).as("the draft itself does not change").hasSize(2);
    }

    @Test
    void testButtonsAddMoveAndDeleteItemsInsideAGroup() throws Exception {
        NotebookDocument original = document("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":1,\"name\":\"top\",\"content\":{\"json\":\"T\"}},"
                + "{\"type\":12,\"name\":\"g\",\"content\":{\"items\":[{\"type\":1,\"name\":\"a\",\"content\":{\"json\":\"A\"}},"
                + "{\"type\":1,\"name\":\"b\",\"content\":{\"json\":\"B\"}}]}}]}");
        WorkbookDraft draft = WorkbookDraft.of("Shift", "\"1\"", original);

        WorkbookDraft changed = draft.apply("add:query@1").apply("up:1.2").apply("delete:1.0").apply("add:links@1");

        assertThat(changed.items().get(1).path("content").path("items")).extracting(item -> item.path("name").asText())
                .containsExactly("query - 4", "b", "links - 4");
        assertThat(changed.items().get(1).path("content").path("items").path(2).path("type").asInt()).isEqualTo(11);
        assertThat(changed.apply("add:text@0")).as("the top text is no group").isSameAs(changed);
        assertThat(changed.apply("down:1.2")).as("the last item goes no further").isSameAs(changed);
        assertThat(changed.apply("delete:1.7")).isSameAs(changed);
        assertThat(changed.apply("add:group").items()).extracting(item -> item.path("type").asInt()).containsExactly(1, 12, 12);
        WorkbookDraft out = changed.apply("out:1.0");
        assertThat(out.items()).extracting(item -> item.path("name").asText()).containsExactly("top", "g", "query - 4");
        assertThat(out.items().get(1).path("content").path("items")).extracting(item -> item.path("name").asText()).containsExactly("b", "links - 4");
        assertThat(out.apply("in:2").items()).as("back into the group above, at its end").extracting(item -> item.path("name").asText())
                .containsExactly("top", "g");
        assertThat(out.apply("in:2").items().get(1).path("content").path("items").path(2).path("name").asText()).isEqualTo("query - 4");
        assertThat(out.apply("in:1")).as("the item above is no group").isSameAs(out);
        assertThat(out.apply("out:2")).as("a top item is in no group").isSameAs(out);
        assertThat(draft.items().get(1).path("content").path("items")).as("the draft itself does not change").hasSize(2);
    }

    @Test
    void testFormattersTilesLinksAndGroupItemsAreEditedFromTheirRows() throws Exception {
        NotebookDocument original = document("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":3,\"name\":\"q\",\"content\":{"
                + "\"query\":\"T | count\",\"gridSettings\":{\"formatters\":[{\"columnMatch\":\"n\",\"formatter\":8,"
                + "\"formatOptions\":{\"palette\":\"blue\"}}]}}},{\"type\":11,\"name\":\"tabs\",\"content\":{\"style\":\"tabs\",\"links\":["
                + "{\"id\":\"l1\",\"cellValue\":\"tab\",\"linkTarget\":\"parameter\",\"linkLabel\":\"One\",\"subTarget\":\"one\"}]}},"
                + "{\"type\":12,\"name\":\"g\",\"content\":{\"items\":[{\"type\":1,\"name\":\"a\",\"content\":{\"json\":\"A\"}}]}}]}");
        Map<String, List<String>> form = form(WorkbookDraft.of("Shift", "\"1\"", original));
        form.put("item.0.formatter.0.type", List.of("4"));
        form.put("item.0.formatter.1.column", List.of("Devices"));
        form.put("item.0.formatter.1.type", List.of("3"));
        form.put("item.0.tileValue", List.of("Alerts"));
        form.put("item.1.link.0.value", List.of("first"));
        form.put("item.1.link.1.label", List.of("Two"));
        form.put("item.1.link.1.cell", List.of("tab"));
        form.put("item.1.link.1.value", List.of("two"));
        form.put("item.2.title", List.of("Devices"));
        form.put("item.2.0.markdown", List.of("Changed"));

        JsonNode saved = WorkbookDraft.fromForm(form).document(original);

        JsonNode content = saved.path("items").path(0).path("content");
        assertThat(content.path("gridSettings").path("formatters")).isEqualTo(JSON.readTree("[{\"columnMatch\":\"n\",\"formatter\":4,"
                + "\"formatOptions\":{\"palette\":\"blue\"}},{\"columnMatch\":\"Devices\",\"formatter\":3}]"));
        assertThat(content.path("tileSettings")).isEqualTo(JSON.readTree("{\"leftContent\":{\"columnMatch\":\"Alerts\"}}"));
        JsonNode links = saved.path("items").path(1).path("content").path("links");
        assertThat(links).extracting(link -> link.path("linkLabel").asText() + "=" + link.path("subTarget").asText()).containsExactly("One=first",
                "Two=two");
        assertThat(links.path(0).path("id").asText()).isEqualTo("l1");
        assertThat(links.path(1).path("id").asText()).isNotBlank().isNotEqualTo("l1");
        assertThat(saved.path("items").path(2).path("content").path("title").asText()).isEqualTo("Devices");
        assertThat(saved.path("items").path(2).path("content").path("items").path(0).path("content").path("json").asText()).isEqualTo("Changed");
        assertThat(NotebookReader.read(saved).flattened()).hasSize(4);

        form.put("item.0.formatter.0.column", List.of(""));
        form.put("item.1.link.0.label", List.of(""));
        JsonNode emptied = WorkbookDraft.fromForm(form).document(original);
        assertThat(emptied.path("items").path(0).path("content").path("gridSettings").path("formatters")).extracting(f -> f.path("columnMatch")
                .asText()).as("a row without its column is removed").containsExactly("Devices");
        assertThat(emptied.path("items").path(1).path("content").path("links")).extracting(l -> l.path("linkLabel").asText()).containsExactly("Two");
    }

    @Test
    void testALinkThatCannotWorkIsRefusedBesideItsFieldAndKeptAsTyped() throws Exception {
        NotebookDocument original = document("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":12,\"name\":\"g\",\"content\":{\"items\":["
                + "{\"type\":11,\"name\":\"tabs\",\"content\":{\"style\":\"tabs\",\"links\":[]}},{\"type\":3,\"name\":\"q\","
                + "\"content\":{\"query\":\"T\"}}]}}]}");
        Map<String, List<String>> form = form(WorkbookDraft.of("Shift", "\"1\"", original));
        form.put("item.0.0.link.0.label", List.of("Overview"));
        form.put("item.0.0.link.0.cell", List.of("selected tab"));
        WorkbookDraft refused = WorkbookDraft.fromForm(form);
        assertThat(refused.problems()).containsOnlyKeys("item.0.0.link.0.cell");
        assertThat(refused.problems().get("item.0.0.link.0.cell")).contains("'selected tab' is not");
        assertThat(refused.items().get(0).path("content").path("items").path(0).path("content").path("links").path(0).path("cellValue").asText())
                .as("what the user typed stays in the draft").isEqualTo("selected tab");
        assertThat(refused.apply("add:text").problems()).as("an item added at the end keeps the marks").containsOnlyKeys("item.0.0.link.0.cell");

        form.put("item.0.0.link.0.target", List.of("url"));
        form.put("item.0.0.link.0.cell", List.of("javascript:alert(1)"));
        assertThat(WorkbookDraft.fromForm(form).problems().get("item.0.0.link.0.cell")).contains("https://");

        form.put("item.0.0.link.0.cell", List.of("https://learn.microsoft.com/azure/sentinel/"));
        form.put("item.0.1.query", List.of(" "));
        WorkbookDraft draft = WorkbookDraft.fromForm(form);
        assertThat(draft.problems()).isEmpty();
        assertThat(draft.saveProblems()).containsOnlyKeys("item.0.1.query");
        assertThat(draft.saveProblems().get("item.0.1.query")).contains("Item 0.1 (q) needs a query");
    }

    @Test
    void testFormatterOptionsThresholdsAndConditionsAreEditedFromTheirFields() throws Exception {
        NotebookDocument original = document("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":3,\"name\":\"q\",\"content\":{"
                + "\"query\":\"T\",\"gridSettings\":{\"formatters\":[{\"columnMatch\":\"Alerts\",\"formatter\":8,"
                + "\"formatOptions\":{\"palette\":\"blue\",\"customColumnWidthSetting\":\"9ch\"}}]}},"
                + "\"conditionalVisibility\":{\"parameterName\":\"Tab\",\"comparison\":\"isEqualTo\",\"value\":\"alerts\"}}]}");
        Map<String, List<String>> form = form(WorkbookDraft.of("Shift", "\"1\"", original));
        form.put("item.0.formatter.0.palette", List.of("greenRed"));
        form.put("item.0.formatter.0.min", List.of("0"));
        form.put("item.0.formatter.0.max", List.of("12.5"));
        form.put("item.0.formatter.0.unit", List.of("1"));
        form.put("item.0.formatter.0.digits", List.of("1"));
        form.put("item.0.formatter.1.column", List.of("Status"));
        form.put("item.0.formatter.1.type", List.of("18"));
        form.put("item.0.formatter.1.thresholdStyle", List.of("colors"));
        form.put("item.0.formatter.1.threshold.0.operator", List.of("=="));
        form.put("item.0.formatter.1.threshold.0.value", List.of("Failed"));
        form.put("item.0.formatter.1.threshold.0.representation", List.of("red"));
        form.put("item.0.formatter.1.threshold.0.text", List.of("{0}!"));
        form.put("item.0.condition.1.parameter", List.of("Severity"));
        form.put("item.0.condition.1.comparison", List.of("isNotEqualTo"));
        form.put("item.0.condition.1.value", List.of("Low"));

        JsonNode saved = WorkbookDraft.fromForm(form).document(original);

        JsonNode formatters = saved.path("items").path(0).path("content").path("gridSettings").path("formatters");
        assertThat(formatters.path(0)).isEqualTo(JSON.readTree("{\"columnMatch\":\"Alerts\",\"formatter\":8,\"formatOptions\":{"
                + "\"palette\":\"greenRed\",\"customColumnWidthSetting\":\"9ch\",\"min\":0,\"max\":12.5},"
                + "\"numberFormat\":{\"unit\":1,\"options\":{\"maximumFractionDigits\":1}}}"));
        assertThat(formatters.path(1)).isEqualTo(JSON.readTree("{\"columnMatch\":\"Status\",\"formatter\":18,\"formatOptions\":{"
                + "\"thresholdsOptions\":\"colors\",\"thresholdsGrid\":[{\"operator\":\"==\",\"thresholdValue\":\"Failed\","
                + "\"representation\":\"red\",\"text\":\"{0}!\"}]}}"));
        JsonNode item = saved.path("items").path(0);
        assertThat(item.path("conditionalVisibility").path("value").asText()).as("the first condition stays where it was").isEqualTo("alerts");
        assertThat(item.path("conditionalVisibilities")).isEqualTo(JSON.readTree("[{\"parameterName\":\"Severity\","
                + "\"comparison\":\"isNotEqualTo\",\"value\":\"Low\"}]"));
        assertThat(NotebookReader.read(saved).items().get(0).visibility()).hasSize(2);

        form.put("item.0.condition.0.parameter", List.of(""));
        form.put("item.0.formatter.0.palette", List.of(""));
        form.put("item.0.formatter.1.threshold.0.operator", List.of(""));
        JsonNode emptied = WorkbookDraft.fromForm(form).document(original);
        assertThat(emptied.path("items").path(0).path("conditionalVisibility").path("parameterName").asText()).as("the one left takes the first's place")
                .isEqualTo("Severity");
        assertThat(emptied.path("items").path(0).has("conditionalVisibilities")).isFalse();
        assertThat(emptied.path("items").path(0).path("content").path("gridSettings").path("formatters").path(0).path("formatOptions")
                .has("palette")).as("a blank option is removed").isFalse();
        assertThat(emptied.path("items").path(0).path("content").path("gridSettings").path("formatters").path(1).path("formatOptions")
                .path("thresholdsGrid")).isEmpty();
    }

    @Test
    void testParameterSettingsAreEditedFromTheirFields() throws Exception {
        NotebookDocument original = document("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":9,\"name\":\"p\",\"content\":{\"parameters\":["
                + "{\"name\":\"TimeRange\",\"type\":4,\"value\":{\"durationMs\":86400000}},"
                + "{\"name\":\"Severity\",\"type\":2,\"jsonData\":\"[\\\"High\\\", \\\"Low\\\"]\"}]}}]}");
        Map<String, List<String>> form = form(WorkbookDraft.of("Shift", "\"1\"", original));
        form.put("item.0.parameter.0.timeRanges", List.of("PT4H, P1D, p7d"));
        form.put("item.0.parameter.0.required", List.of("on"));
        form.put("item.0.parameter.1.multiple", List.of("on"));
        form.put("item.0.parameter.1.quote", List.of("\""));
        form.put("item.0.parameter.1.delimiter", List.of(";"));
        form.put("item.0.parameter.1.all", List.of("", "on"));
        form.put("item.0.parameter.1.allValue", List.of("*"));
        form.put("item.0.parameter.1.default", List.of("value::all"));

        JsonNode parameters = WorkbookDraft.fromForm(form).document(original).path("items").path(0).path("content").path("parameters");

        assertThat(parameters.path(0).path("typeSettings").path("selectableValues")).extracting(choice -> choice.path("durationMs").asLong())
                .containsExactly(14_400_000L, 86_400_000L, 604_800_000L);
        assertThat(parameters.path(0).path("isRequired").asBoolean()).isTrue();
        assertThat(parameters.path(0).path("value")).as("an unchanged default stays as written").isEqualTo(JSON.readTree("{\"durationMs\":86400000}"));
        JsonNode severity = parameters.path(1);
        assertThat(severity.path("multiSelect").asBoolean()).isTrue();
        assertThat(severity.path("quote").asText()).isEqualTo("\"");
        assertThat(severity.path("delimiter").asText()).isEqualTo(";");
        assertThat(severity.path("typeSettings")).isEqualTo(JSON.readTree("{\"additionalResourceOptions\":[\"value::all\"],\"selectAllValue\":\"*\"}"));
        assertThat(severity.path("value")).isEqualTo(JSON.readTree("[\"value::all\"]"));
    }

    @Test
    void testValuesASettingCannotTakeAreKeptAsTypedAndMarkedByField() throws Exception {
        NotebookDocument original = document("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":3,\"name\":\"q\",\"content\":{"
                + "\"query\":\"T\",\"gridSettings\":{\"formatters\":[{\"columnMatch\":\"Alerts\",\"formatter\":4}]}}},"
                + "{\"type\":9,\"name\":\"p\",\"content\":{\"parameters\":[{\"name\":\"TimeRange\",\"type\":4}]}}]}");
        Map<String, List<String>> form = form(WorkbookDraft.of("Shift", "\"1\"", original));
        form.put("item.0.formatter.0.min", List.of("low"));
        form.put("item.0.formatter.0.digits", List.of("40"));
        form.put("item.0.width", List.of("half"));
        form.put("item.1.parameter.0.timeRanges", List.of("PT1H, a day"));
        form.put("item.1.parameter.0.default", List.of("a week"));
        form.put("item.1.parameter.1.name", List.of("Time Range"));

        WorkbookDraft draft = WorkbookDraft.fromForm(form);

        assertThat(draft.problems()).containsOnlyKeys("item.0.formatter.0.min", "item.0.formatter.0.digits", "item.0.width",
                "item.1.parameter.0.timeRanges", "item.1.parameter.0.default", "item.1.parameter.1.name");
        assertThat(draft.problems().get("item.1.parameter.0.timeRanges")).contains("'a day' is not one");
        assertThat(draft.problems().get("item.1.parameter.0.default")).contains("P7D");
        assertThat(draft.problems().get("item.1.parameter.1.name")).contains("'Time Range' is not");
        // the editor shows each field as the user typed it, beside its problem
        EditorItem query = EditorItem.of(0, draft.items());
        assertThat(query.formatters().get(0).min()).isEqualTo("low");
        assertThat(query.formatters().get(0).digits()).isEqualTo("40");
        assertThat(query.width()).isEqualTo("half");
        EditorItem parameters = EditorItem.of(1, draft.items());
        assertThat(parameters.parameters().get(0).timeRanges()).isEqualTo("PT1H, a day");
        assertThat(parameters.parameters().get(0).defaultValue()).isEqualTo("a week");
        assertThat(parameters.parameters().get(1).name()).isEqualTo("Time Range");
        assertThat(draft.saveProblems()).containsAllEntriesOf(draft.problems());
    }

    @Test
    void testEditedFieldsGoIntoTheItemsJson() throws Exception {
        NotebookDocument original = document("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":9,\"name\":\"p\",\"content\":{\"parameters\":["
                + "{\"name\":\"TimeRange\",\"type\":4,\"id\":\"kept-id\",\"value\":{\"durationMs\":86400000}}]}},"
                + "{\"type\":3,\"name\":\"q\",\"content\":{\"query\":\"T | count\"}}]}");
        WorkbookDraft draft = WorkbookDraft.of("Shift", "\"1\"", original);
        Map<String, List<String>> form = form(draft);
        form.put("item.0.parameter.0.default", List.of("P7D"));
        form.put("item.0.parameter.1.name", List.of("Severity"));
        form.put("item.0.parameter.1.type", List.of("2"));
        form.put("item.0.parameter.1.multiple", List.of("on"));
        form.put("item.0.parameter.1.options", List.of("[\"High\", \"Low\"]"));
        form.put("item.0.parameter.1.default", List.of("High, Low"));
        form.put("item.1.query", List.of("T | where Severity in ({Severity}) | count"));
        form.put("item.1.width", List.of("50"));

        JsonNode saved = WorkbookDraft.fromForm(form).document(original);

        JsonNode parameters = saved.path("items").path(0).path("content").path("parameters");
        assertThat(parameters.path(0).path("id").asText()).isEqualTo("kept-id");
        assertThat(parameters.path(0).path("value").path("durationMs").asLong()).isEqualTo(604_800_000L);
        assertThat(parameters.path(1).path("value")).isEqualTo(JSON.readTree("[\"High\",\"Low\"]"));
        assertThat(parameters.path(1).path("quote").asText()).isEqualTo("'");
        assertThat(saved.path("items").path(1).path("customWidth").asText()).isEqualTo("50");
        assertThat(NotebookReader.read(saved).items()).hasSize(2);
    }

    @Test
    void testWhatCannotBeSavedIsRefusedNamingTheField() throws Exception {
        NotebookDocument original = document("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":9,\"name\":\"p\",\"content\":{\"parameters\":[]}}]}");
        Map<String, List<String>> form = form(WorkbookDraft.of("Shift", "\"1\"", original));
        form.put("item.0.parameter.0.name", List.of("Time Range"));
        assertThat(WorkbookDraft.fromForm(form).problems()).containsOnlyKeys("item.0.parameter.0.name");

        WorkbookDraft withEmptyQuery = WorkbookDraft.of("Shift", "\"1\"", original).apply("add:query");
        assertThat(withEmptyQuery.saveProblems()).containsOnlyKeys("item.1.query");
        assertThat(WorkbookDraft.of(" ", "\"1\"", original).saveProblems()).containsOnlyKeys("displayName");

        form.put("item.0.parameter.0.name", List.of("TimeRange"));
        form.put("item.0.parameter.0.type", List.of("4"));
        form.put("item.0.parameter.0.default", List.of("a week"));
        assertThat(WorkbookDraft.fromForm(form).problems().get("item.0.parameter.0.default")).contains("P7D");
    }
}
