package dev.vigil.soc.handoff;

import java.util.List;

/**
 * What one hand-off made of what it read: its output, and the position it read up to, which is
 * committed with the output.
 */
public record Batch<T>(List<T> output, long position) {
    public Batch {
        output = List.copyOf(output);
        if (position < 0) {
            throw new IllegalArgumentException("a position cannot be negative, was " + position);
        }
    }

    /** Nothing to write: only the position moves. */
    public static <T> Batch<T> empty(long position) {
        return new Batch<>(List.of(), position);
    }
}
