package dev.vigil.kql.syntax;

public enum SortDirection {
    ASCENDING,
    DESCENDING
}
