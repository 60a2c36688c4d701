package dev.vigil.kql.plan;

/** {@code graph-match}'s {@code cycles} option: which repetitions a match may hold. */
public enum GraphCycles {
    /** Any node and any edge may repeat. */
    ALL,
    /** No node repeats (but where the pattern names the same variable twice), and so no edge. */
    NONE,
    /** No edge repeats; nodes may. Kusto's default. */
    UNIQUE_EDGES
}
