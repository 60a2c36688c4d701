package dev.vigil.server.api.ingestion;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.api.InvalidContentEncodingException;
import dev.vigil.server.api.PayloadTooLargeException;
import dev.vigil.server.api.UnsupportedMediaTypeException;
import dev.vigil.workspace.api.RowError;
import dev.vigil.workspace.api.RowsRejectedException;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipException;

/**
 * Reads the rows of an ingestion request, streaming: a JSON array of objects
 * ({@code application/json}, the default) or one object per line ({@code application/x-ndjson}),
 * as sent or compressed ({@code Content-Encoding: gzip} or {@code deflate}). The body size limit
 * holds for the body as sent and as decompressed. A value that is not an object is a row error,
 * and so is a value over the {@link IngestionReadLimits}; bad JSON fails with its line and column.
 */
final class RowsReader {
    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    RowsReader(ObjectMapper mapper, long maxBodyBytes) {
        this.mapper = IngestionReadLimits.apply(mapper);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** One request's rows as they are read, and the errors of the rows that are not objects. */
    private static final class Reading {
        final List<Map<String, Object>> rows = new ArrayList<>();
        final List<RowError> errors = new ArrayList<>();
        /** The row object being read; its current name is the column, however deep the parser is in its value. */
        JsonStreamContext row;

        int nextIndex() {
            return rows.size() + errors.size();
        }
    }

    /**
     * The request's rows: a JSON array decoded, an NDJSON body as its (decompressed) bytes, each
     * within the body size limit.
     */
    SentRows read(Context ctx, String table) throws IOException {
        String declaredLength = ctx.header("Content-Length");
        long declared = declaredLength == null ? -1 : Long.parseLong(declaredLength.trim());
        if (declared > maxBodyBytes) {
            // a client waiting for 100 Continue has sent nothing more: reading would ask it for the body
            if (!expectsContinue(ctx) && RefusedBody.worthDiscarding(declared)) {
                RefusedBody.discard(ctx.bodyInputStream());
            }
            throw new PayloadTooLargeException(maxBodyBytes);
        }
        String mediaType = mediaType(ctx.contentType());
        if (!mediaType.equals(JSON) && !mediaType.equals(NDJSON)) {
            throw new UnsupportedMediaTypeException(mediaType, List.of(JSON, NDJSON));
        }
        ContentEncoding encoding = ContentEncoding.of(ctx.header("Content-Encoding"));
        InputStream raw = ctx.bodyInputStream();
        Reading reading = new Reading();
        try (InputStream sent = new LimitedInputStream(raw, maxBodyBytes, false);
             InputStream body = encoding == ContentEncoding.IDENTITY ? sent
                     : new LimitedInputStream(encoding.decode(sent), maxBodyBytes, true)) {
            try {
                if (mediaType.equals(NDJSON)) {
                    return new SentRows.NdjsonBody(body.readAllBytes());
                }
                parse(body, true, reading);
            } catch (LimitedInputStream.LimitExceeded e) {
                RefusedBody.discard(raw); // while the stream is open: closing it may end the reading
                throw e;
            }
        } catch (LimitedInputStream.LimitExceeded e) {
            throw e.decompressed() ? PayloadTooLargeException.decompressed(maxBodyBytes) : new PayloadTooLargeException(maxBodyBytes);
        } catch (ZipException | EOFException e) {
            if (encoding == ContentEncoding.IDENTITY) {
                throw e;
            }
            throw new InvalidContentEncodingException(encoding.headerValue(), e.getMessage() == null ? "it ends too soon" : e.getMessage());
        }
        return new SentRows.Decoded(rowsOrRefusal(reading, table));
    }

    /**
     * An NDJSON body's rows, decoded as {@link #read} decodes a JSON array: for a body that the
     * store's streaming validation sends back for the usual validation.
     *
     * @throws JsonParseException for text that is not JSON, with its line and column
     * @throws RowsRejectedException for lines that are not objects or break the read limits
     */
    List<Map<String, Object>> decodeNdjson(byte[] body, String table) {
        Reading reading = new Reading();
        try {
            parse(new ByteArrayInputStream(body), false, reading);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rowsOrRefusal(reading, table);
    }

    private void parse(InputStream body, boolean array, Reading reading) throws IOException {
        try (JsonParser parser = mapper.createParser(body)) {
            if (array) {
                readArray(parser, reading);
            } else {
                readLines(parser, reading);
            }
        } catch (StreamConstraintsException e) {
            // the parser cannot go on past a breached limit: the rows after this one are not read
            String column = reading.row == null ? null : reading.row.getCurrentName();
            reading.errors.add(new RowError(reading.nextIndex(), column, IngestionReadLimits.reason(e)));
        }
    }

    private static List<Map<String, Object>> rowsOrRefusal(Reading reading, String table) {
        if (!reading.errors.isEmpty()) {
            throw new RowsRejectedException(table, reading.errors);
        }
        return reading.rows;
    }

    private static boolean expectsContinue(Context ctx) {
        String expect = ctx.header("Expect");
        return expect != null && expect.trim().equalsIgnoreCase("100-continue");
    }

    private void readArray(JsonParser parser, Reading reading) throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_ARRAY) {
            throw new JsonParseException(parser, first == null
                    ? "the body is empty; expected a JSON array of row objects"
                    : "expected a JSON array of row objects, found " + describe(first)
                            + " (send one object per line as " + NDJSON + " instead)");
        }
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            readRow(parser, token, reading);
        }
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "unexpected content after the array of rows");
        }
    }

    private void readLines(JsonParser parser, Reading reading) throws IOException {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            readRow(parser, token, reading);
        }
    }

    private void readRow(JsonParser parser, JsonToken token, Reading reading) throws IOException {
        if (token == JsonToken.START_OBJECT) {
            reading.row = parser.getParsingContext();
            Map<String, Object> row = mapper.readValue(parser, ROW);
            reading.row = null;
            reading.rows.add(row);
        } else {
            int index = reading.nextIndex();
            parser.skipChildren();
            reading.errors.add(new RowError(index, null, "a row must be a JSON object, found " + describe(token)));
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
