package dev.vigil.soc.handoff;

import dev.vigil.workspace.api.Checkpoint;
import java.util.List;

/**
 * Writes a hand-off's output and its new position in one transaction, or nothing: when it throws,
 * the position has not moved. It returns only once both are durable.
 */
@FunctionalInterface
public interface Committer<T> {
    void commit(List<T> output, Checkpoint checkpoint);
}
