package dev.vigil.workspace.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.catalog.WorkspaceTable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link RowValidator}'s checks made on a streaming parse of a request's body, without decoding
 * its rows into maps: what the body says as the engine would read it anyway (strings, booleans,
 * whole numbers, nulls) is left in place, and every other value is coerced as {@link RowValidator}
 * does and noted as a {@link ValueEdit}, with the columns Log Analytics fills. The result is the
 * same stored rows as {@link RowValidator#validate} gives for the decoded body.
 *
 * <p>Only the clean case is handled here. Whatever would need an explanation (a value that fails
 * its coercion, an unknown or reserved column, a column sent twice, a billing column or a
 * {@code Type} or {@code TenantId} that is not the table's and tenant's, text that is not an
 * object per row) gives empty, and the caller decodes the body and validates it the usual way,
 * which reports each bad row and column.
 */
public final class BodyRowValidator {
    private static final ObjectMapper JSON = ValueCoercion.JSON;

    private final TableRules rules;
    private final KqlType[] types;

    public BodyRowValidator(WorkspaceTable table, String tenantId) {
        this.rules = new TableRules(table, tenantId);
        this.types = table.columns().stream().map(ColumnSchema::type).toArray(KqlType[]::new);
    }

    /**
     * @param body row objects one after another (newline-delimited JSON), UTF-8
     * @param ingestionTime the {@code TimeGenerated} of rows that do not carry one
     * @return the rows with their edits, or empty when the body needs the usual decoding and validation
     */
    public Optional<BodyRows> validate(byte[] body, Instant ingestionTime) {
        if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
            // a byte order mark the parser skips: not worth checking that its offsets count it
            return Optional.empty();
        }
        List<BodyRow> rows = new ArrayList<>();
        boolean[] seen = new boolean[types.length];
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT) {
                    return Optional.empty();
                }
                Arrays.fill(seen, false);
                BodyRow row = row(parser, seen, ingestionTime);
                if (row == null) {
                    return Optional.empty();
                }
                rows.add(row);
            }
        } catch (IOException e) {
            // bad JSON: the usual decoding tells where
            return Optional.empty();
        }
        return Optional.of(new BodyRows(body, rows));
    }

    /** One row object, the parser on its '{'; null when the row needs the usual validation. */
    private BodyRow row(JsonParser parser, boolean[] seen, Instant ingestionTime) throws IOException {
        int start = offset(parser);
        if (start < 0) {
            return null;
        }
        List<ValueEdit> replaced = new ArrayList<>(4);
        long billed = 0;
        boolean hasFields = false;
        // a replaced value's span ends where the next token starts
        int pendingFrom = -1;
        int pendingColumn = -1;
        Object pendingValue = null;
        for (JsonToken token = parser.nextToken(); ; token = parser.nextToken()) {
            // a location is an object of its own: taken only where a span starts or ends
            if (pendingFrom >= 0 || token == JsonToken.END_OBJECT) {
                int offset = offset(parser);
                if (offset < 0) {
                    return null;
                }
                if (pendingFrom >= 0) {
                    replaced.add(new ValueEdit(pendingFrom, offset, token == JsonToken.FIELD_NAME, pendingColumn, pendingValue));
                    pendingFrom = -1;
                }
                if (token == JsonToken.END_OBJECT) {
                    return finish(start, offset + 1, hasFields, replaced, seen, billed, ingestionTime);
                }
            }
            if (token != JsonToken.FIELD_NAME) {
                return null;
            }
            hasFields = true;
            Integer position = rules.position(parser.currentName());
            if (position == null || seen[position] || rules.billing.isPresent() && rules.billing.get().fills(position)) {
                return null;
            }
            seen[position] = true;
            JsonToken value = parser.nextToken();
            KqlType columnType = types[position];
            if (position == rules.type || position == rules.tenant || position == rules.timeGenerated) {
                Object standard = standardValue(parser, value, position, ingestionTime);
                if (standard == null) {
                    return null;
                }
                if (position != rules.type) {
                    billed += BillingColumns.textBytes(columnType, standard);
                }
                boolean asSent = position != rules.timeGenerated && value == JsonToken.VALUE_STRING && parser.getTextLength() > 0;
                if (!asSent) {
                    pendingFrom = offset(parser);
                    if (pendingFrom < 0) {
                        return null;
                    }
                    pendingColumn = position;
                    pendingValue = standard;
                }
                continue;
            }
            long kept = keptSize(parser, value, columnType);
            if (kept >= 0) {
                billed += kept;
                continue;
            }
            // before decoding, which moves the parser past the value
            int valueStart = offset(parser);
            if (valueStart < 0) {
                return null;
            }
            Object stored;
            try {
                stored = ValueCoercion.coerce(columnType, decode(parser, value));
            } catch (InvalidValueException e) {
                return null;
            }
            if (stored != null) {
                billed += BillingColumns.textBytes(columnType, stored);
            }
            pendingFrom = valueStart;
            pendingColumn = position;
            pendingValue = stored;
        }
    }

    /** Where the current token starts in the body; -1 when the parser cannot tell (not a byte source) or past 2 GiB. */
    private static int offset(JsonParser parser) {
        long offset = parser.currentTokenLocation().getByteOffset();
        return offset < 0 || offset > Integer.MAX_VALUE ? -1 : (int) offset;
    }

    /**
     * The text size of a value the engine reads as it stands (a string, a boolean, a whole number
     * in range, a null): kept in the body; -1 when it must be coerced and replaced.
     */
    private static long keptSize(JsonParser parser, JsonToken value, KqlType columnType) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            // a string left out is '' (the insert's default), anything else null, as RowValidator has it
            return 0;
        }
        switch (columnType) {
            case STRING -> {
                if (value != JsonToken.VALUE_STRING) {
                    return -1;
                }
                char[] chars = parser.getTextCharacters();
                int offset = parser.getTextOffset();
                int length = parser.getTextLength();
                return StoredText.fits(chars, offset, length) ? BillingColumns.utf8Length(chars, offset, length) : -1;
            }
            case BOOL -> {
                return value == JsonToken.VALUE_TRUE ? 4 : value == JsonToken.VALUE_FALSE ? 5 : -1;
            }
            case INT, LONG -> {
                if (value != JsonToken.VALUE_NUMBER_INT) {
                    return -1;
                }
                JsonParser.NumberType size = parser.getNumberType();
                if (size == JsonParser.NumberType.INT || size == JsonParser.NumberType.LONG && columnType == KqlType.LONG) {
                    return Long.toString(parser.getLongValue()).length();
                }
                return -1;
            }
            default -> {
                return -1;
            }
        }
    }

    /** The value as JSON decodes it into a map's value (what {@link RowValidator} gets), the parser past it. */
    private static Object decode(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> JSON.readValue(parser, Object.class);
        };
    }

    /**
     * The stored value of a sent {@code Type}, {@code TenantId} or {@code TimeGenerated} when it is
     * one {@link RowValidator} stores without complaint ({@link TableRules#standardValue}); null
     * otherwise (the usual path explains).
     */
    private Object standardValue(JsonParser parser, JsonToken value, int position, Instant ingestionTime) throws IOException {
        if (value != JsonToken.VALUE_NULL && value != JsonToken.VALUE_STRING) {
            return null;
        }
        Object sent;
        try {
            sent = value == JsonToken.VALUE_NULL ? null : ValueCoercion.coerce(types[position], parser.getText());
        } catch (InvalidValueException e) {
            return null;
        }
        return rules.standardValue(position, sent, ingestionTime);
    }

    private BodyRow finish(int start, int end, boolean hasFields, List<ValueEdit> replaced, boolean[] seen, long billedSoFar,
                           Instant ingestionTime) {
        long billed = billedSoFar;
        List<ValueEdit> added = new ArrayList<>(5);
        for (int position : new int[] {rules.timeGenerated, rules.type, rules.tenant}) {
            if (!seen[position]) {
                Object filled = rules.standardValue(position, null, ingestionTime);
                added.add(ValueEdit.added(position, filled));
                if (position != rules.type) {
                    billed += BillingColumns.textBytes(types[position], filled);
                }
            }
        }
        if (rules.billing.isPresent()) {
            added.add(ValueEdit.added(rules.billing.get().isBillableColumn(), BillingColumns.BILLABLE));
            added.add(ValueEdit.added(rules.billing.get().billedSizeColumn(), (double) billed));
        }
        return new BodyRow(start, end, hasFields, replaced, added);
    }
}
