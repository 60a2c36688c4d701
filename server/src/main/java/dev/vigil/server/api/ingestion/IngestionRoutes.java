package dev.vigil.server.api.ingestion;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.api.LogStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * Batch ingestion into one table: all rows or none, answered only once the rows are committed.
 * Tables that Vigil alone writes refuse these rows (403), so their rows can be trusted.
 */
public final class IngestionRoutes {
    private final LogStore logStore;
    private final RowsReader reader;

    public IngestionRoutes(LogStore logStore, ObjectMapper mapper, long maxBodyBytes) {
        this.logStore = logStore;
        this.reader = new RowsReader(mapper, maxBodyBytes);
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/workspaces/{workspace}/tables/{table}/rows", this::ingest);
    }

    private void ingest(Context ctx) throws IOException {
        String workspace = ctx.pathParam("workspace");
        String table = ctx.pathParam("table");
        Authorization.require(ctx, Scope.workspace(workspace), Role.CONTRIBUTOR);
        SentRows sent = reader.read(ctx, table);
        CompletableFuture<IngestReceipt> committed;
        if (sent instanceof SentRows.NdjsonBody body) {
            try {
                committed = logStore.ingestNdjsonFromClient(workspace, table, body.bytes(), bytes -> reader.decodeNdjson(bytes, table));
            } catch (UncheckedIOException e) {
                throw e.getCause(); // the reader's own error for text that is not JSON, with its line and column
            }
        } else {
            committed = logStore.ingestFromClient(workspace, table, ((SentRows.Decoded) sent).rows());
        }
        ctx.future(() -> committed.thenAccept(receipt -> ctx.json(IngestResultJson.of(receipt))));
    }
}
