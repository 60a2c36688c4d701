package dev.vigil.kql.syntax;

public enum NullsPlacement {
    FIRST,
    LAST
}
