package dev.vigil.workspace.query;

import java.util.List;

/**
 * The size of result values as the query API writes them: UTF-8 JSON text. The result cap in
 * bytes counts this, so the cap means the same whether the rows go to a client or stay in memory.
 */
public final class ResultSize {
    private static final int NULL_OR_TRUE = 4;
    private static final int FALSE = 5;

    private ResultSize() {
    }

    /** A row: its values, the commas between them, the brackets around it and the comma after it. */
    public static long ofRow(List<Object> values) {
        long size = 2L + values.size();
        for (Object value : values) {
            size += of(value);
        }
        return size;
    }

    /** One value in the forms {@link ResultValues} produces. */
    public static long of(Object value) {
        if (value == null) {
            return NULL_OR_TRUE;
        }
        if (value instanceof String text) {
            return ofString(text);
        }
        if (value instanceof Boolean bool) {
            return bool ? NULL_OR_TRUE : FALSE;
        }
        if (value instanceof Long || value instanceof Integer) {
            return digits(((Number) value).longValue());
        }
        return value.toString().length();
    }

    /** Quotes, escapes and UTF-8 bytes. */
    private static long ofString(String text) {
        long size = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                size += 2;
            } else if (c < 0x20) {
                size += 6;
            } else if (c < 0x80) {
                size += 1;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                size += 4;
                i++;
            } else {
                size += 3;
            }
        }
        return size;
    }

    private static int digits(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        int digits = value < 0 ? 2 : 1;
        for (long rest = Math.abs(value); rest >= 10; rest /= 10) {
            digits++;
        }
        return digits;
    }
}
