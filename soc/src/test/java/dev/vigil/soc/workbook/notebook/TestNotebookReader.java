package dev.vigil.soc.workbook.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.workbook.Fixtures;
import dev.vigil.soc.workbook.InvalidWorkbookException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TestNotebookReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void testEveryItemTypeReadsIntoItsRecordWithGroupsFlattenedInOrder() {
        NotebookDocument document = NotebookReader.read(Fixtures.read("every-item.json"));

        assertThat(document.items()).extracting(WorkbookItem::type).containsExactly(1, 9, 11, 12, 3, 3, 10);
        assertThat(document.flattened()).extracting(WorkbookItem::name).containsExactly("title", "parameters", "tabs", "alerts group",
                "alerts over time", "device alerts", "tiles", "broken query", "other tab", "resource graph", "hub metrics");
        ParametersItem parameters = (ParametersItem) document.items().get(1);
        assertThat(parameters.parameters()).extracting(WorkbookParameter::kind).containsExactly(ParameterKind.TIME_RANGE, ParameterKind.DROP_DOWN,
                ParameterKind.DROP_DOWN, ParameterKind.TEXT, ParameterKind.OTHER);
        assertThat(parameters.parameters().get(1).multiSelect()).isTrue();
        assertThat(parameters.parameters().get(1).quote()).isEqualTo("'");
        LinksItem tabs = (LinksItem) document.items().get(2);
        assertThat(tabs.tabs()).isTrue();
        assertThat(tabs.links()).extracting(WorkbookLink::subTarget).containsExactly("alerts", "other");
        GroupItem group = (GroupItem) document.items().get(3);
        assertThat(group.visibility()).containsExactly(new VisibilityCondition("Tab", "isEqualTo", "alerts"));
        QueryItem overTime = (QueryItem) group.items().get(0);
        assertThat(overTime.visualization()).isEqualTo("timechart");
        assertThat(overTime.timeContextFromParameter()).contains("TimeRange");
        assertThat(overTime.layout()).isEqualTo(new ItemLayout(OptionalInt.of(50), 0));
        assertThat(((QueryItem) document.items().get(4)).visibility()).hasSize(2);
        assertThat(((QueryItem) document.items().get(5)).unsupportedSource()).hasValueSatisfying(reason -> assertThat(reason).contains("Resource Graph"));
        assertThat(document.items().get(6)).isInstanceOf(UnsupportedItem.class);
    }

    @Test
    void testTheDocumentKeepsItsJsonAsGiven() {
        JsonNode given = Fixtures.read("every-item.json");
        NotebookDocument document = NotebookReader.read(given);

        assertThat(document.json()).isEqualTo(given);
        assertThat(document.items().get(6).json().path("content").path("metrics")).isEqualTo(given.path("items").path(6).path("content")
                .path("metrics"));
    }

    @Test
    void testATemplateImportsAsPublishedBareAsAnArmTemplateOrWithSerializedData() {
        JsonNode bare = Fixtures.read("every-item.json");

        NotebookReader.Published fromBare = NotebookReader.unwrap(bare);
        NotebookReader.Published fromArm = NotebookReader.unwrap(Fixtures.read("every-item.arm.json"));
        NotebookReader.Published fromGallery = NotebookReader.unwrap(Fixtures.read("every-item.gallery.json"));

        assertThat(List.of(fromBare, fromArm, fromGallery)).extracting(published -> published.document().json()).containsOnly(bare);
        assertThat(fromBare.displayName()).isEmpty();
        assertThat(fromArm.displayName()).as("an ARM expression is no name").isEmpty();
        assertThat(fromGallery.displayName()).contains("Fixture (gallery)");
    }

    @Test
    void testAWrongDocumentIsRefusedNamingWhereItIsWrong() throws Exception {
        assertThatThrownBy(() -> NotebookReader.read(JSON.readTree("{\"version\":\"Notebook/2.0\",\"items\":[]}")))
                .isInstanceOf(InvalidWorkbookException.class).hasMessageStartingWith("version: must be \"Notebook/1.0\"");
        assertThatThrownBy(() -> NotebookReader.read(JSON.readTree("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":1},"
                + "{\"type\":12,\"content\":{\"items\":[{\"type\":\"query\"}]}}]}")))
                .isInstanceOf(InvalidWorkbookException.class).hasMessageStartingWith("items[1].content.items[0].type: must be a number");
        assertThatThrownBy(() -> NotebookReader.unwrap(JSON.readTree("{\"properties\":{\"serializedData\":\"{not json\"}}")))
                .isInstanceOf(InvalidWorkbookException.class).hasMessageStartingWith("properties.serializedData: is not JSON");
        assertThatThrownBy(() -> NotebookReader.read(JSON.readTree("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":9,\"content\":"
                + "{\"parameters\":[{\"name\":\"Time Range\",\"type\":4}]}}]}")))
                .isInstanceOf(InvalidWorkbookException.class).hasMessageStartingWith("items[0].content.parameters[0].name: a parameter name is");
    }

    @Test
    void testAFixedTimeContextIsKeptAsADuration() throws Exception {
        NotebookDocument document = NotebookReader.read(JSON.readTree("{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":3,\"content\":"
                + "{\"query\":\"T\",\"timeContext\":{\"durationMs\":3600000}}}]}"));

        assertThat(((QueryItem) document.items().get(0)).timeContext()).isEqualTo(Optional.of(Duration.ofHours(1)));
        assertThat(((QueryItem) document.items().get(0)).visualization()).isEqualTo("table");
    }
}
