package dev.vigil.server.api.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.Visualization;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.server.api.ColumnJson;
import dev.vigil.workspace.api.QueryCancellation;
import dev.vigil.workspace.api.QuerySummary;
import dev.vigil.workspace.api.ResultSink;
import dev.vigil.workspace.api.WorkspaceException;
import io.javalin.http.Context;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a query's result to the client as the rows come, in the Log Analytics shape
 * {@code {"tables":[{"name":"PrimaryResult","columns":[...],"rows":[[...],...]}]}}, so that no
 * one holds the whole answer; a query with several result tables (several tabular statements, {@code fork}, {@code facet})
 * gives each, in order. Then {@code "render"} when the query ends in {@code render}, and
 * {@code "error"} with code {@code PartialError} when the rows were cut at a limit or the query
 * stopped after its first rows were sent (the status is 200 by then, as Log Analytics answers).
 * Errors before the first row get their own status from the error mapping instead.
 */
final class QueryResponseWriter implements ResultSink {
    private final Context ctx;
    private final ObjectMapper mapper;
    private final QueryCancellation cancellation;
    private JsonGenerator json;
    private Optional<Visualization> render = Optional.empty();
    private long rows;

    QueryResponseWriter(Context ctx, ObjectMapper mapper, QueryCancellation cancellation) {
        this.ctx = ctx;
        this.mapper = mapper;
        this.cancellation = cancellation;
    }

    @Override
    public boolean takesEveryTable() {
        return true;
    }

    @Override
    public void begin(List<ColumnSchema> columns, Optional<Visualization> resultRender) throws IOException {
        begin("PrimaryResult", columns, resultRender);
    }

    /** Starts the answer at the first table, and each later table after closing the one before. */
    @Override
    public void begin(String table, List<ColumnSchema> columns, Optional<Visualization> resultRender) throws IOException {
        render = resultRender;
        if (json == null) {
            ctx.status(200).contentType("application/json; charset=utf-8");
            json = mapper.getFactory().createGenerator(ctx.outputStream()).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            writing(() -> {
                json.writeStartObject();
                json.writeArrayFieldStart("tables");
            });
        } else {
            writing(() -> {
                json.writeEndArray();
                json.writeEndObject();
            });
        }
        writing(() -> {
            json.writeStartObject();
            json.writeStringField("name", table);
            json.writeFieldName("columns");
            json.writeObject(columns.stream().map(ColumnJson::of).toList());
            json.writeArrayFieldStart("rows");
        });
    }

    @Override
    public void row(List<Object> values) throws IOException {
        writing(() -> {
            json.writeStartArray();
            for (Object value : values) {
                writeValue(value);
            }
            json.writeEndArray();
        });
        rows++;
    }

    /** Rows written so far. */
    long rows() {
        return rows;
    }

    /** Whether the answer has begun, so that an error can no longer change its status. */
    boolean begun() {
        return json != null;
    }

    /** Ends the answer after its last row. */
    void finish(QuerySummary summary) throws IOException {
        end(summary.truncation().map(cut -> partialError("QueryResultTooLarge", cut.message(), cut.engineCode())));
    }

    /** Ends an answer that has begun with the error that stopped the query. */
    void fail(WorkspaceException error) throws IOException {
        end(Optional.of(partialError(error.code(), error.getMessage(), error.code())));
    }

    private void end(Optional<Map<String, Object>> error) throws IOException {
        writing(() -> {
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            if (render.isPresent()) {
                json.writeObjectField("render", render(render.get()));
            }
            if (error.isPresent()) {
                json.writeObjectField("error", error.get());
            }
            json.writeEndObject();
            json.close();
        });
    }

    private void writeValue(Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else {
            json.writeObject(value);
        }
    }

    /** A write that fails means the client has gone: the query is cancelled, not left running. */
    private void writing(JsonWrite write) throws IOException {
        try {
            write.run();
        } catch (IOException e) {
            cancellation.cancel(QueryCancellation.Reason.CLIENT_DISCONNECTED, "The client closed the connection while the answer was sent.");
            throw e;
        }
    }

    /** Log Analytics' shape: a {@code PartialError} whose details name the cause. */
    private static Map<String, Object> partialError(String code, String message, String engineCode) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", engineCode);
        inner.put("message", message);
        inner.put("severity", 2);
        inner.put("severityName", "Error");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", code);
        detail.put("message", message);
        detail.put("innererror", inner);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", "PartialError");
        error.put("message", "There were some errors when processing your query.");
        error.put("details", List.of(detail));
        return error;
    }

    private static Map<String, String> render(Visualization visualization) {
        Map<String, String> render = new LinkedHashMap<>();
        render.put("visualization", visualization.kind());
        render.putAll(visualization.properties());
        return render;
    }

    @FunctionalInterface
    private interface JsonWrite {
        void run() throws IOException;
    }
}
