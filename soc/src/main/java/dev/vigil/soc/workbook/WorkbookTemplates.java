package dev.vigil.soc.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.workbook.notebook.NotebookReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The template gallery: Vigil's built-in workbooks, each a {@code Notebook/1.0} document in this
 * package's resources, written against Sentinel's tables so that it also runs there.
 */
public final class WorkbookTemplates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<WorkbookTemplate> templates;

    private WorkbookTemplates(List<WorkbookTemplate> templates) {
        this.templates = List.copyOf(templates);
    }

    public static WorkbookTemplates builtIn() {
        return new WorkbookTemplates(List.of(
                load("iot-security", "IoT security", "Defender for IoT alerts over time by severity and type, the devices and hubs they come from, the"
                        + " devices' security events, incidents by status and the MITRE ATT&CK tactics seen.", "IoT"),
                load("soc-overview", "SOC overview", "What each table ingests, how the analytics rules run, and how fast incidents are triaged and"
                        + " closed.", "Security operations")));
    }

    public List<WorkbookTemplate> list() {
        return templates;
    }

    public WorkbookTemplate get(String id) {
        return templates.stream().filter(template -> template.id().equals(id)).findFirst()
                .orElseThrow(() -> new WorkbookNotFoundException("the gallery has no workbook template '" + id + "'"));
    }

    private static WorkbookTemplate load(String id, String displayName, String description, String category) {
        String resource = "templates/" + id + ".json";
        try (InputStream in = WorkbookTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the built-in workbook template " + resource + " is missing from the jar");
            }
            JsonNode document = JSON.readTree(in);
            return new WorkbookTemplate(id, displayName, description, category, NotebookReader.read(document));
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in workbook template " + resource + " does not read", e);
        }
    }
}
