package dev.vigil.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSampleAlerts {
    @TempDir
    Path data;

    @Test
    void testSampleAlertsLookLikeDefenderForIotAlerts() throws Exception {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        List<Map<String, Object>> alerts = SampleAlerts.generate(300, now, 42);

        assertThat(alerts).hasSize(300).allSatisfy(alert -> {
            assertThat(alert.get("ProductName")).isEqualTo("Azure Security Center for IoT");
            assertThat((String) alert.get("AlertSeverity")).isIn("High", "Medium", "Low");
            assertThat(alert.get("DisplayName")).isEqualTo(alert.get("AlertName"));
            assertThat((String) alert.get("ResourceId")).matches("/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Devices/IotHubs/[^/]+");
            assertThat(Instant.parse((String) alert.get("TimeGenerated"))).isBetween(now.minusSeconds(24 * 3600), now);
            assertThat(Instant.parse((String) alert.get("StartTime"))).isBefore(Instant.parse((String) alert.get("EndTime")).plusMillis(1));
        });
        JsonNode properties = new ObjectMapper().readTree((String) alerts.get(0).get("ExtendedProperties"));
        assertThat(properties.path("DeviceId").asText()).isEqualTo(alerts.get(0).get("CompromisedEntity"));
        assertThat(alerts.stream().map(a -> a.get("AlertName")).distinct().count()).isGreaterThan(5);
    }

    @Test
    void testSampleAlertsFitTheSecurityAlertTable() {
        try (RunningServer server = RunningServer.start(data)) {
            HttpResponse<String> response = server.postJson("/api/workspaces/default/tables/SecurityAlert/rows",
                    SampleAlerts.generate(300, Instant.now(), 7));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(server.count("SecurityAlert | where ProductName == \"Azure Security Center for IoT\" "
                    + "and TimeGenerated > ago(25h) | count")).isEqualTo(300);
        }
    }
}
