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
        int acknowledged = ingestUntilKilled(100, -1, ACKS_BEFORE_KILL);
        assertThat(acknowledged).as("acknowledged requests before the kill").isEqualTo(ACKS_BEFORE_KILL);
        assertEveryAcknowledgedRequestIsWhole(acknowledged, 100);
    }

    /**
     * The kill lands right after a checkpoint of several MB of log has begun on the checkpointer's
     * connection while requests are still being committed beside it.
     */
    @Test
    void testEveryAcknowledgedRowSurvivesAKillDuringACheckpoint() throws Exception {
        int acknowledged = ingestUntilKilled(2_000, ACKS_BEFORE_KILL, -1);
        assertThat(acknowledged).as("acknowledged requests before the kill").isGreaterThan(ACKS_BEFORE_KILL);
        assertEveryAcknowledgedRequestIsWhole(acknowledged, 2_000);
    }

    /**
     * Runs {@link IngestUntilKilled} and kills it with SIGKILL (no shutdown hook, no checkpoint)
     * after {@code killAfterAcks} acknowledgements, or as soon as it says its checkpoint began.
     *
     * @return how many requests were acknowledged before the kill
     */
    private int ingestUntilKilled(int rowsPerRequest, int checkpointAfter, int killAfterAcks) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                IngestUntilKilled.class.getName(), data.toString(), Integer.toString(rowsPerRequest), Integer.toString(checkpointAfter))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int lastAcknowledged = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("CHECKPOINT")) {
                    break;
                }
                if (line.startsWith("ACK ")) {
                    lastAcknowledged = Integer.parseInt(line.substring(4));
                    if (killAfterAcks > 0 && lastAcknowledged + 1 >= killAfterAcks) {
                        break;
                    }
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        return lastAcknowledged + 1;
    }

    private void assertEveryAcknowledgedRequestIsWhole(int acknowledged, int rowsPerRequest) {
        try (DuckDbStorage storage = DuckDbStorage.open(new StorageSettings(data, 100, Duration.ofMillis(5), 10_000),
                new SimpleMeterRegistry(), Clock.systemUTC())) {
            List<List<Object>> requests = storage.sql("SELECT DISTINCT \"VendorOriginalId\" AS id FROM \"ws_default\".\"SecurityAlert\"",
                    List.of(new ColumnSchema("id", KqlType.STRING)));
            for (int request = 0; request < acknowledged; request++) {
                assertThat(requests).as("request %d was acknowledged", request).contains(List.of("request-" + request));
            }
            long smallest = (long) storage.sql("SELECT min(n) AS n FROM (SELECT count(*) AS n FROM \"ws_default\".\"SecurityAlert\""
                    + " GROUP BY \"VendorOriginalId\")", List.of(new ColumnSchema("n", KqlType.LONG))).get(0).get(0);
            assertThat(smallest).as("no request is partly written").isEqualTo(rowsPerRequest);
            assertThat(storage.logStore().ingestedThrough("default")).as("the ledger's last batch").isGreaterThanOrEqualTo(acknowledged);
        }
    }
}
