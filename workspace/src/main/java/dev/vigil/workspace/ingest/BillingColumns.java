package dev.vigil.workspace.ingest;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.TableKind;
import dev.vigil.workspace.catalog.StandardColumns;
import dev.vigil.workspace.catalog.WorkspaceTable;
import dev.vigil.workspace.values.TimespanText;
import java.math.BigDecimal;
import java.nio.CharBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code _IsBillable} and {@code _BilledSize}, which Log Analytics computes for every row it
 * ingests; the workspace fills them in the built-in and standard tables that declare them.
 *
 * <p>{@code _IsBillable} is {@code "True"}, a string as in real rows. {@code _BilledSize} is the
 * number of UTF-8 bytes of the row's stored values written as text, the way Log Analytics sizes a
 * record: datetimes as queries return them ({@code 2024-05-06T10:00:05Z}, with a 7-digit fraction
 * when there is one), bools as {@code true}/{@code false}, numbers in decimal, dynamic values as
 * their JSON. Empty and null values count 0, and {@code Type} and the two billing columns are
 * left out, as Log Analytics leaves them out. A value a caller sends for either column is replaced.
 */
final class BillingColumns {
    static final String IS_BILLABLE = "_IsBillable";
    static final String BILLED_SIZE = "_BilledSize";
    static final String BILLABLE = "True";
    /** {@code 2024-05-06T10:00:05Z}; with a fraction, {@code 2024-05-06T10:00:05.1234560Z}. */
    private static final int DATETIME_TEXT = 20;
    private static final int DATETIME_WITH_FRACTION_TEXT = 28;

    private final KqlType[] types;
    private final int isBillable;
    private final int billedSize;
    private final int type;

    private BillingColumns(List<ColumnSchema> columns, int isBillable, int billedSize, int type) {
        this.types = columns.stream().map(ColumnSchema::type).toArray(KqlType[]::new);
        this.isBillable = isBillable;
        this.billedSize = billedSize;
        this.type = type;
    }

    /** The billing columns of {@code table}, empty unless it is a built-in or standard table that declares both. */
    static Optional<BillingColumns> of(WorkspaceTable table) {
        if (table.kind() == TableKind.CUSTOM) {
            return Optional.empty();
        }
        List<ColumnSchema> columns = table.columns();
        int isBillable = position(columns, IS_BILLABLE, KqlType.STRING);
        int billedSize = position(columns, BILLED_SIZE, KqlType.REAL);
        if (isBillable < 0 || billedSize < 0) {
            return Optional.empty();
        }
        return Optional.of(new BillingColumns(columns, isBillable, billedSize, position(columns, StandardColumns.TYPE, KqlType.STRING)));
    }

    /** Whether the column at {@code position} is one of the two, whose sent value is replaced. */
    boolean fills(int position) {
        return position == isBillable || position == billedSize;
    }

    /** Sets both columns of a row whose other values are final, in table column order. */
    void fill(Object[] values) {
        long bytes = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && i != isBillable && i != billedSize && i != type) {
                bytes += textBytes(types[i], values[i]);
            }
        }
        values[isBillable] = BILLABLE;
        values[billedSize] = (double) bytes;
    }

    /** The UTF-8 length of a stored value as text, without writing the text where that is cheap to avoid. */
    static long textBytes(KqlType type, Object value) {
        return switch (type) {
            case STRING, DYNAMIC -> utf8Length((String) value);
            case DATETIME -> ((Instant) value).getNano() == 0 ? DATETIME_TEXT : DATETIME_WITH_FRACTION_TEXT;
            case BOOL -> (Boolean) value ? 4 : 5;
            case TIMESPAN -> TimespanText.format((Long) value).length();
            case DECIMAL -> ((BigDecimal) value).toPlainString().length();
            case INT, LONG, REAL, GUID -> value.toString().length();
        };
    }

    /** As {@link #utf8Length(CharSequence)}, of {@code chars[offset, offset + length)}, which hold well-formed UTF-16. */
    static long utf8Length(char[] chars, int offset, int length) {
        return utf8Length(CharBuffer.wrap(chars, offset, length));
    }

    /** The position of {@code _BilledSize}, for a caller that sums the row's size itself. */
    int billedSizeColumn() {
        return billedSize;
    }

    /** The position of {@code _IsBillable}. */
    int isBillableColumn() {
        return isBillable;
    }

    static long utf8Length(CharSequence text) {
        long bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                // a pair of chars is one 4-byte character
                bytes += 2;
                i++;
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }

    private static int position(List<ColumnSchema> columns, String name, KqlType type) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name) && columns.get(i).type() == type) {
                return i;
            }
        }
        return -1;
    }
}
