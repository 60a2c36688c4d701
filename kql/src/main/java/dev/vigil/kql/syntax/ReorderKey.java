package dev.vigil.kql.syntax;

import java.util.Optional;

/** One item of {@code project-reorder}: a name pattern, and for wildcards optionally the order of the matches. */
public record ReorderKey(NamePattern pattern, Optional<SortDirection> direction) {
}
