package dev.vigil.kql.syntax;

import java.util.ArrayList;
import java.util.List;

/** The query text with its line starts, to turn offsets into one-based lines and columns on request. */
public final class SourceText {
    private final String text;
    private final int[] lineStarts;

    public SourceText(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public String slice(Span span) {
        return text.substring(span.start(), Math.min(text.length(), span.end()));
    }

    /** One-based line of the offset. */
    public int line(int offset) {
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (lineStarts[middle] <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low + 1;
    }

    /** One-based column of the offset. */
    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }
}
