package dev.vigil.workspace.ingest;

import dev.vigil.workspace.api.IngestionLimits;
import java.nio.CharBuffer;
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
        return length <= IngestionLimits.MAX_TEXT_CHARS && loneSurrogate(CharBuffer.wrap(chars, offset, length)) < 0;
    }

    /** Returns {@code text} when it can be stored. */
    static String check(String text) throws InvalidValueException {
        int length = text.length();
        if (length > IngestionLimits.MAX_TEXT_CHARS) {
            throw new InvalidValueException(String.format(Locale.ROOT,
                    "the value has %,d characters; a string or dynamic value holds at most %,d", length, IngestionLimits.MAX_TEXT_CHARS));
        }
        int at = loneSurrogate(text);
        if (at >= 0) {
            throw new InvalidValueException(String.format(Locale.ROOT,
                    "the value holds a lone surrogate \\u%04X at character %d, which is not Unicode text and cannot be stored;"
                            + " send it as a valid pair (as \\uD83D\\uDE00 is) or leave it out", (int) text.charAt(at), at + 1));
        }
        return text;
    }

    /** The index of the first surrogate without its pair, -1 when there is none. */
    private static int loneSurrogate(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }
}
