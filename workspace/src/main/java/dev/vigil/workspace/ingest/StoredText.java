package dev.vigil.workspace.ingest;

import dev.vigil.workspace.api.IngestionLimits;
import java.util.Locale;

/**
 * The checks every stored text (a string value, or the JSON text of a dynamic value) passes: at
 * most {@link IngestionLimits#MAX_TEXT_CHARS} characters, and well-formed UTF-16, so that it can
 * be written as UTF-8. A lone surrogate (JSON's {@code "\ud800"} without its pair) is no
 * character at all: the engine refuses it, so it is refused here, with its row and column,
 * rather than failing the commit it would share with other clients' rows.
 */
final class StoredText {
    private StoredText() {
    }

    /** Whether the text {@code chars[offset, offset + length)} passes {@link #check} (which says why not). */
    static boolean fits(char[] chars, int offset, int length) {
        if (length > IngestionLimits.MAX_TEXT_CHARS) {
            return false;
        }
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = chars[i];
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }

    /** Returns {@code text} when it can be stored. */
    static String check(String text) throws InvalidValueException {
        int length = text.length();
        if (length > IngestionLimits.MAX_TEXT_CHARS) {
            throw new InvalidValueException(String.format(Locale.ROOT,
                    "the value has %,d characters; a string or dynamic value holds at most %,d", length, IngestionLimits.MAX_TEXT_CHARS));
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            throw new InvalidValueException(String.format(Locale.ROOT,
                    "the value holds a lone surrogate \\u%04X at character %d, which is not Unicode text and cannot be stored;"
                            + " send it as a valid pair (as \\uD83D\\uDE00 is) or leave it out", (int) c, i + 1));
        }
        return text;
    }
}
