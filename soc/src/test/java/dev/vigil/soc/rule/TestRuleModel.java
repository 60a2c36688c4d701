package dev.vigil.soc.rule;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.List;
import java.util.Optional;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestRuleModel {
    @Test
    void testPlaceholdersAreReplacedByTheirColumnsAndMissingValuesByNothing() {
        Map<String, Object> row = new HashMap<>();
        row.put("AlertName", "Reverse shells");
        row.put("DeviceId", null);
        DetailsFormat format = new DetailsFormat("(MDIoT) {{AlertName}} on {{ DeviceId }} ($1)");
        assertThat(format.columns()).containsExactly("AlertName", "DeviceId");
        assertThat(format.render(row::get)).isEqualTo("(MDIoT) Reverse shells on  ($1)");
    }

    @Test
    void testTriggerOperatorsCompareTheCountWithTheThreshold() {
        assertThat(TriggerOperator.GreaterThan.fires(3, 2)).isTrue();
        assertThat(TriggerOperator.GreaterThan.fires(2, 2)).isFalse();
        assertThat(TriggerOperator.LessThan.fires(0, 1)).isTrue();
        assertThat(TriggerOperator.Equal.fires(2, 2)).isTrue();
        assertThat(TriggerOperator.NotEqual.fires(2, 2)).isFalse();
    }

    @Test
    void testIncidentCreationFilterPassesOnProductSeverityAndNames() {
        IncidentCreationRuleProperties filter = new IncidentCreationRuleProperties("f", "", true, Optional.empty(),
                "Azure Security Center for IoT", List.of(AlertSeverity.High), List.of("login"), List.of("Failed"));
        assertThat(filter.matches("Azure Security Center for IoT", "High", "Successful local login")).isTrue();
        assertThat(filter.matches("Azure Security Center for IoT", "high", "Successful local login")).isTrue();
        assertThat(filter.matches("Azure Security Center for IoT", "Low", "Successful local login")).isFalse();
        assertThat(filter.matches("Azure Security Center for IoT", "High", "Failed local login")).isFalse();
        assertThat(filter.matches("Azure Security Center for IoT", "High", "Reverse shells")).isFalse();
        assertThat(filter.matches("Azure Security Center", "High", "Successful local login")).isFalse();
    }
}
