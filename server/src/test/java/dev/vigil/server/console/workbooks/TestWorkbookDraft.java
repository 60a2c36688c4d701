package dev.vigil.server.console.workbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            EditorItem item = EditorItem.of(i, draft.items().size(), draft.items().get(i));
            String prefix = "item." + i + ".";
            form.put(prefix + "json", List.of(item.json()));
            switch (item.kind()) {
                case "text" -> form.put(prefix + "markdown", List.of(item.markdown()));
                case "query" -> {
                    form.put(prefix + "title", List.of(item.title()));
                    form.put(prefix + "query", List.of(item.query()));
                    form.put(prefix + "visualization", List.of(item.visualization()));
                    form.put(prefix + "width", List.of(item.width()));
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
                        if (parameter.multiple()) {
                            form.put(field + "multiple", List.of("on"));
                        }
                    }
                }
                default -> {
                }
            }
        }
        return form;
    }

    @Test
    void testAnUnchangedFormGivesBackTheDocumentWithSettingsTheEditorDoesNotShow() throws Exception {
        NotebookDocument original = document("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":1,\"name\":\"intro\",\"content\":{\"json\":\"# Hi\"}},"
                + "{\"type\":3,\"name\":\"q\",\"customWidth\":\"50\",\"content\":{\"query\":\"T | count\",\"title\":\"Count\",\"visualization\":\"tiles\","
                + "\"gridSettings\":{\"formatters\":[]}}},{\"type\":12,\"name\":\"group\",\"content\":{\"items\":[]}}],\"fallbackResourceIds\":[\"x\"]}");
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
        assertThatThrownBy(() -> WorkbookDraft.fromForm(form)).isInstanceOf(DraftException.class)
                .hasMessageContaining("'Time Range' is not").extracting(e -> ((DraftException) e).field()).isEqualTo("item.0.parameter.0.name");

        WorkbookDraft withEmptyQuery = WorkbookDraft.of("Shift", "\"1\"", original).apply("add:query");
        assertThatThrownBy(() -> withEmptyQuery.document(original)).isInstanceOf(DraftException.class).hasMessageContaining("needs a query");

        form.put("item.0.parameter.0.name", List.of("TimeRange"));
        form.put("item.0.parameter.0.type", List.of("4"));
        form.put("item.0.parameter.0.default", List.of("a week"));
        assertThatThrownBy(() -> WorkbookDraft.fromForm(form)).isInstanceOf(DraftException.class).hasMessageContaining("P7D");
    }
}
