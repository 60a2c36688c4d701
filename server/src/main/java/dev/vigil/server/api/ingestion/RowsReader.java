package dev.vigil.server.api.ingestion;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.api.PayloadTooLargeException;
import dev.vigil.server.api.UnsupportedMediaTypeException;
import dev.vigil.workspace.api.RowError;
import dev.vigil.workspace.api.RowsRejectedException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the rows of an ingestion request, streaming: a JSON array of objects
 * ({@code application/json}, the default) or one object per line ({@code application/x-ndjson}).
 * A value that is not an object is a row error; bad JSON fails with its line and column.
 */
final class RowsReader {
    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    RowsReader(ObjectMapper mapper, long maxBodyBytes) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    List<Map<String, Object>> read(Context ctx, String table) throws IOException {
        String declaredLength = ctx.header("Content-Length");
        if (declaredLength != null && Long.parseLong(declaredLength.trim()) > maxBodyBytes) {
            throw new PayloadTooLargeException(maxBodyBytes);
        }
        String mediaType = mediaType(ctx.contentType());
        if (!mediaType.equals(JSON) && !mediaType.equals(NDJSON)) {
            throw new UnsupportedMediaTypeException(mediaType, List.of(JSON, NDJSON));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (InputStream body = new LimitedInputStream(ctx.bodyInputStream(), maxBodyBytes);
             JsonParser parser = mapper.createParser(body)) {
            if (mediaType.equals(JSON)) {
                readArray(parser, rows, errors);
            } else {
                readLines(parser, rows, errors);
            }
        } catch (LimitedInputStream.LimitExceeded e) {
            throw new PayloadTooLargeException(maxBodyBytes);
        }
        if (!errors.isEmpty()) {
            throw new RowsRejectedException(table, errors);
        }
        return rows;
    }

    private void readArray(JsonParser parser, List<Map<String, Object>> rows, List<RowError> errors) throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_ARRAY) {
            throw new JsonParseException(parser, first == null
                    ? "the body is empty; expected a JSON array of row objects"
                    : "expected a JSON array of row objects, found " + describe(first)
                            + " (send one object per line as " + NDJSON + " instead)");
        }
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            readRow(parser, token, rows, errors);
        }
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "unexpected content after the array of rows");
        }
    }

    private void readLines(JsonParser parser, List<Map<String, Object>> rows, List<RowError> errors) throws IOException {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            readRow(parser, token, rows, errors);
        }
    }

    private void readRow(JsonParser parser, JsonToken token, List<Map<String, Object>> rows, List<RowError> errors) throws IOException {
        int index = rows.size() + errors.size();
        if (token == JsonToken.START_OBJECT) {
            rows.add(mapper.readValue(parser, ROW));
        } else {
            parser.skipChildren();
            errors.add(new RowError(index, null, "a row must be a JSON object, found " + describe(token)));
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return JSON;
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }
}
