package dev.vigil.iot.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestSecurityAgentConfiguration {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void testSettingsLeftOutKeepTheAgentsDefaults() throws Exception {
        SecurityAgentConfiguration configuration = SecurityAgentConfiguration.parse(JSON.readTree(
                "{\"highPriorityMessageFrequency\":{\"value\":\"PT2M\"},\"eventPriorityConnectionCreate\":{\"value\":\"High\"},"
                        + "\"maxMessageSizeInBytes\":\"102400\"}"));

        assertThat(configuration.highPriorityMessageFrequency()).isEqualTo(Duration.ofMinutes(2));
        assertThat(configuration.lowPriorityMessageFrequency()).isEqualTo(Duration.ofHours(5));
        assertThat(configuration.snapshotFrequency()).isEqualTo(Duration.ofHours(13));
        assertThat(configuration.maxMessageSizeInBytes()).isEqualTo(102_400);
        assertThat(configuration.priority("ConnectionCreate")).isEqualTo(SecurityAgentConfiguration.EventPriority.High);
    }

    @Test
    void testTypeMismatchesNameTheSetting() {
        assertThatThrownBy(() -> SecurityAgentConfiguration.parse(JSON.readTree("{\"maxMessageSizeInBytes\":{\"value\":true}}")))
                .isInstanceOf(InvalidAgentConfigurationException.class).hasMessageStartingWith("maxMessageSizeInBytes must be");
        assertThatThrownBy(() -> SecurityAgentConfiguration.parse(JSON.readTree("{\"eventPriorityLogin\":{\"value\":\"Urgent\"}}")))
                .isInstanceOf(InvalidAgentConfigurationException.class).hasMessageStartingWith("eventPriorityLogin must be");
        assertThatThrownBy(() -> SecurityAgentConfiguration.parse(JSON.readTree(
                "{\"highPriorityMessageFrequency\":\"PT6H\",\"lowPriorityMessageFrequency\":\"PT1H\"}")))
                .isInstanceOf(InvalidAgentConfigurationException.class).hasMessageContaining("longer than lowPriorityMessageFrequency");
    }
}
