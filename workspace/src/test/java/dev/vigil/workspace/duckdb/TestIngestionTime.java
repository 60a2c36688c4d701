package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.TableDefinition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code ingestion_time()} reads the time each row's group commit stored it. */
class TestIngestionTime {
    private static final Instant FIRST = Instant.parse("2024-05-01T12:00:00Z");
    private static final Instant SECOND = Instant.parse("2024-05-01T12:05:30.25Z");
    private static final List<ColumnSchema> COLUMNS = List.of(new ColumnSchema("TimeGenerated", KqlType.DATETIME),
            new ColumnSchema("Name", KqlType.STRING));

    /** The time the next commit takes, set by each test. */
    private static final class SetClock extends Clock {
        private volatile Instant now = FIRST;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final SetClock clock = new SetClock();

    @RegisterExtension
    final SmallStorage storage = SmallStorage.perTest().withClock(clock).withWorkspace("default");

    @BeforeEach
    void createTable() {
        storage.logs().createCustomTable("default", new TableDefinition("Events_CL", COLUMNS));
    }

    private void ingest(String name) throws Exception {
        storage.logs().ingest("default", "Events_CL", List.of(Map.of("Name", name, "TimeGenerated", "2024-01-01T00:00:00Z")))
                .get(10, TimeUnit.SECONDS);
    }

    private List<List<Object>> rows(String query) {
        return storage.logs().query("default", QueryRequest.of(query)).tables().get(0).rows();
    }

    @Test
    void testEachRowHasTheTimeOfTheCommitThatStoredIt() throws Exception {
        ingest("early");
        clock.now = SECOND;
        ingest("late");

        assertThat(rows("Events_CL | extend Ingested = ingestion_time() | project Name, Ingested | sort by Name asc"))
                .containsExactly(List.of("early", "2024-05-01T12:00:00Z"), List.of("late", "2024-05-01T12:05:30.2500000Z"));
        assertThat(rows("Events_CL | where ingestion_time() > datetime(2024-05-01 12:01) | project Name")).containsExactly(List.of("late"));
    }

    @Test
    void testTheIngestionTimeSurvivesARestartAndNeverReachesTheResultColumns() throws Exception {
        ingest("kept");
        storage.reopen();

        assertThat(rows("Events_CL | where isnotnull(ingestion_time()) | getschema | project ColumnName"))
                .containsExactly(List.of("TenantId"), List.of("TimeGenerated"), List.of("Type"), List.of("Name"));
        assertThat(rows("Events_CL | project Name, Ingested = ingestion_time()")).containsExactly(List.of("kept", "2024-05-01T12:00:00Z"));
    }

    @Test
    void testATableOfAnOlderDataDirectoryGetsTheColumnWithNoTimeForItsOldRows() throws Exception {
        ingest("old");
        storage.close();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + storage.dataDirectory().resolve(DuckDbStorage.DATABASE_FILE));
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + TableDdl.relation(WorkspaceSchemas.of("default"), "Events_CL")
                    + " DROP COLUMN " + TableDdl.INGESTION_TIME_COLUMN);
        }
        storage.reopen();
        clock.now = SECOND;
        ingest("new");

        assertThat(rows("Events_CL | project Name, Ingested = ingestion_time() | sort by Name asc"))
                .containsExactly(List.of("new", "2024-05-01T12:05:30.2500000Z"), Arrays.asList("old", null));
    }
}
