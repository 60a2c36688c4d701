package dev.vigil.server.console.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.console.layout.Shell;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestHomePage {
    private static final List<HomePage.Tile> NO_FLOW = List.of(new HomePage.Tile("Alerts", 0, "/alerts", "neutral", ""));

    @Test
    void testAWorkspaceIsQuietOnlyWhenNeitherTheFlowNorAnyConnectorHadDataToday() {
        HomePage.ConnectorHealth idle = new HomePage.ConnectorHealth("Defender for IoT", "Disconnected", "No data yet", "/iot", false);
        HomePage.ConnectorHealth customLogs = new HomePage.ConnectorHealth("Custom logs", "Connected", "2026-12-07 15:24:36 UTC", "/logs", true);

        assertThat(page(NO_FLOW, List.of(idle)).quiet()).isTrue();
        assertThat(page(NO_FLOW, List.of(idle, customLogs)).quiet()).isFalse();
        assertThat(page(List.of(new HomePage.Tile("Alerts", 3, "/alerts", "neutral", "")), List.of(idle)).quiet()).isFalse();
    }

    private static HomePage page(List<HomePage.Tile> flow, List<HomePage.ConnectorHealth> connectors) {
        return new HomePage((Shell) null, flow, connectors, List.of(), "/incidents", "/logs", "/connectors", "now");
    }
}
