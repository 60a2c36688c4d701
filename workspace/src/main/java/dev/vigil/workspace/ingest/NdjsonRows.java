package dev.vigil.workspace.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.workspace.api.RowError;
import dev.vigil.workspace.api.RowsRejectedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Decodes newline-delimited JSON rows into maps, the form {@link RowValidator} checks. */
public final class NdjsonRows {
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    private NdjsonRows() {
    }

    /**
     * @throws RowsRejectedException for values that are not objects, and for JSON that cannot be
     *         read (the row where it stops, with the parser's line and column)
     */
    public static List<Map<String, Object>> decode(String table, byte[] body) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (JsonParser parser = ValueCoercion.JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int index = rows.size() + errors.size();
                if (token == JsonToken.START_OBJECT) {
                    rows.add(ValueCoercion.JSON.readValue(parser, ROW));
                } else {
                    parser.skipChildren();
                    errors.add(new RowError(index, null, "a row must be a JSON object, found " + describe(token)));
                }
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            errors.add(new RowError(rows.size() + errors.size(), null, "the row is not JSON: " + e.getOriginalMessage() + where));
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes in memory cannot fail", e);
        }
        if (!errors.isEmpty()) {
            throw new RowsRejectedException(table, errors);
        }
        return rows;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }
}
