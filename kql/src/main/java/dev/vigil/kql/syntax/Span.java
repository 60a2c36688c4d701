package dev.vigil.kql.syntax;

/** A range of characters in the query text: zero-based {@code start}, {@code length} characters. */
public record Span(int start, int length) {
    public Span {
        if (start < 0 || length < 0) {
            throw new IllegalArgumentException("span out of range: " + start + "+" + length);
        }
    }

    public int end() {
        return start + length;
    }

    /** The smallest span covering both. */
    public Span to(Span other) {
        int from = Math.min(start, other.start);
        int to = Math.max(end(), other.end());
        return new Span(from, to - from);
    }
}
