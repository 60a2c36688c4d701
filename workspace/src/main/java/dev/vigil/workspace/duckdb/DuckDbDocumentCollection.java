package dev.vigil.workspace.duckdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.workspace.api.DocumentCollection;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One collection of documents on the shared control connection, which is used by one caller at a
 * time. Outside a transaction every call is one auto-committed statement; inside one, writes wait
 * in the transaction's {@link DocumentWrites} and reads see them.
 */
final class DuckDbDocumentCollection<T> implements DocumentCollection<T> {
    private final DuckDbStateStore store;
    private final Connection connection;
    private final Clock clock;
    private final ObjectMapper json;
    private final String name;
    private final Class<T> type;

    DuckDbDocumentCollection(DuckDbStateStore store, Connection connection, Clock clock, ObjectMapper json, String name, Class<T> type) {
        this.store = store;
        this.connection = connection;
        this.clock = clock;
        this.json = json;
        this.name = name;
        this.type = type;
    }

    @Override
    public Optional<T> get(String id) {
        Objects.requireNonNull(id, "id");
        synchronized (connection) {
            DocumentWrites pending = store.pendingWrites();
            if (pending != null && pending.touched(name, id)) {
                return pending.body(name, id).map(this::read);
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT CAST(body AS VARCHAR) FROM " + ControlSchema.DOCUMENTS + " WHERE collection = ? AND id = ?")) {
                select.setString(1, name);
                select.setString(2, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows.getString(1))) : Optional.empty();
                }
            } catch (SQLException e) {
                throw failure("read document '" + id + "'", e);
            }
        }
    }

    @Override
    public List<T> list() {
        synchronized (connection) {
            flushPending();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT CAST(body AS VARCHAR) FROM " + ControlSchema.DOCUMENTS + " WHERE collection = ? ORDER BY id")) {
                select.setString(1, name);
                List<T> documents = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        documents.add(read(rows.getString(1)));
                    }
                }
                return documents;
            } catch (SQLException e) {
                throw failure("list documents", e);
            }
        }
    }

    @Override
    public List<T> listAfter(String afterId, int limit) {
        Objects.requireNonNull(afterId, "afterId");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        synchronized (connection) {
            flushPending();
            try (PreparedStatement select = connection.prepareStatement("SELECT CAST(body AS VARCHAR) FROM " + ControlSchema.DOCUMENTS
                    + " WHERE collection = ? AND id > ? ORDER BY id LIMIT ?")) {
                select.setString(1, name);
                select.setString(2, afterId);
                select.setInt(3, limit);
                List<T> documents = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        documents.add(read(rows.getString(1)));
                    }
                }
                return documents;
            } catch (SQLException e) {
                throw failure("list documents after '" + afterId + "'", e);
            }
        }
    }

    @Override
    public void put(String id, T document) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(document, "document");
        String body = write(document);
        synchronized (connection) {
            DocumentWrites pending = store.pendingWrites();
            if (pending != null) {
                pending.put(name, id, body, clock.instant());
                return;
            }
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + ControlSchema.DOCUMENTS
                    + " (collection, id, body, updated_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at")) {
                upsert.setString(1, name);
                upsert.setString(2, id);
                upsert.setString(3, body);
                upsert.setObject(4, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                upsert.executeUpdate();
            } catch (SQLException e) {
                throw failure("write document '" + id + "'", e);
            }
        }
    }

    @Override
    public boolean delete(String id) {
        Objects.requireNonNull(id, "id");
        synchronized (connection) {
            DocumentWrites pending = store.pendingWrites();
            if (pending != null) {
                boolean existed = get(id).isPresent();
                pending.delete(name, id);
                return existed;
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + ControlSchema.DOCUMENTS + " WHERE collection = ? AND id = ?")) {
                delete.setString(1, name);
                delete.setString(2, id);
                return delete.executeUpdate() > 0;
            } catch (SQLException e) {
                throw failure("delete document '" + id + "'", e);
            }
        }
    }

    /** A query sees the transaction's writes once they are in the database; so they go there first. */
    private void flushPending() {
        DocumentWrites pending = store.pendingWrites();
        if (pending != null) {
            try {
                pending.flush(connection);
            } catch (SQLException e) {
                throw failure("write the transaction's documents", e);
            }
        }
    }

    private T read(String body) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a document of collection '" + name + "' does not read as " + type.getSimpleName(), e);
        }
    }

    private String write(T document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a document of collection '" + name + "' cannot be written as JSON", e);
        }
    }

    private IllegalStateException failure(String action, SQLException e) {
        return new IllegalStateException("could not " + action + " in collection '" + name + "': " + QueryRunner.readable(e), e);
    }
}
