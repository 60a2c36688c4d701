package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.StorageSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDurability {
    private static final int ACKS_BEFORE_KILL = 30;

    @TempDir
    Path data;

    @Test
    void testEveryAcknowledgedRowSurvivesAKill() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                IngestUntilKilled.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int lastAcknowledged = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    lastAcknowledged = Integer.parseInt(line.substring(4));
                    if (lastAcknowledged + 1 >= ACKS_BEFORE_KILL) {
                        break;
                    }
                }
            }
            // SIGKILL right after an acknowledgement: no shutdown hook, no checkpoint.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(lastAcknowledged + 1).as("acknowledged requests before the kill").isEqualTo(ACKS_BEFORE_KILL);

        try (DuckDbStorage storage = DuckDbStorage.open(new StorageSettings(data, 100, Duration.ofMillis(5), 10_000),
                new SimpleMeterRegistry(), Clock.systemUTC())) {
            List<List<Object>> requests = storage.sql("SELECT DISTINCT \"VendorOriginalId\" AS id FROM \"ws_default\".\"SecurityAlert\"",
                    List.of(new ColumnSchema("id", KqlType.STRING)));
            for (int request = 0; request <= lastAcknowledged; request++) {
                assertThat(requests).as("request %d was acknowledged", request).contains(List.of("request-" + request));
            }
            long rowsPerRequest = (long) storage.sql("SELECT min(n) AS n FROM (SELECT count(*) AS n FROM \"ws_default\".\"SecurityAlert\""
                    + " GROUP BY \"VendorOriginalId\")", List.of(new ColumnSchema("n", KqlType.LONG))).get(0).get(0);
            assertThat(rowsPerRequest).as("no request is partly written").isEqualTo(100);
        }
    }
}
