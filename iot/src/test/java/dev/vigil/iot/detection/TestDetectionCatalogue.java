package dev.vigil.iot.detection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iot.alert.AlertDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry lists each alert type once, and docs/detections.md documents every one of them. */
class TestDetectionCatalogue {

    @Test
    void testTypeCodesAndDisplayNamesAreUnique() {
        List<AlertDefinition> definitions = DetectionEngine.alertDefinitions();
        assertThat(definitions).extracting(AlertDefinition::alertType).doesNotHaveDuplicates();
        assertThat(definitions).extracting(AlertDefinition::displayName).doesNotHaveDuplicates();
        assertThat(definitions).allSatisfy(definition -> assertThat(definition.remediationSteps()).isNotEmpty());
    }

    @Test
    void testTheDocsListEveryAlertWithItsNameAndSeverity() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "detections.md"));
        for (AlertDefinition definition : DetectionEngine.alertDefinitions()) {
            assertThat(docs).contains("| `" + definition.alertType() + "` | " + definition.displayName() + " | "
                    + definition.severity().sentinelName() + " |");
            assertThat(docs).contains("### " + definition.displayName() + "\n");
        }
    }
}
