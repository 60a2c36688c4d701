package dev.vigil.workspace.duckdb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/** Control-plane documents in {@code vigil.documents}, one row per collection and id. */
final class DuckDbStateStore implements StateStore {
    private final Connection connection;
    private final Clock clock;
    private DocumentWrites pending;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Documents written by a newer version keep loading after a field is dropped.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    DuckDbStateStore(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    @Override
    public <T> DocumentCollection<T> collection(String name, Class<T> type) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a collection needs a name");
        }
        return new DuckDbDocumentCollection<>(this, connection, clock, json, name, type);
    }

    /** The open transaction's writes, null outside one. Guarded by the connection's monitor. */
    DocumentWrites pendingWrites() {
        return pending;
    }

    /** A transaction started inside another joins it: its writes commit or roll back with the outer one's. */
    @Override
    public void transaction(Runnable work) {
        // Every collection call synchronizes on the connection too (monitors are reentrant), so
        // nothing of another caller slips into the transaction.
        synchronized (connection) {
            if (pending != null) {
                work.run();
                return;
            }
            try {
                pending = new DocumentWrites();
                try {
                    SqlTransaction.commit(connection, () -> {
                        work.run();
                        pending.flush(connection);
                    });
                } finally {
                    pending = null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("a state store transaction failed: " + QueryRunner.readable(e), e);
            }
        }
    }
}
