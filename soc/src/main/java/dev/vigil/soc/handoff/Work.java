package dev.vigil.soc.handoff;

/** Reads what lies after the consumer's position and makes its output; may throw, and is then tried again. */
@FunctionalInterface
public interface Work<T> {
    Batch<T> read(long after);
}
