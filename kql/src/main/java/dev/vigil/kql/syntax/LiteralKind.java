package dev.vigil.kql.syntax;

/** The literal forms KQL has. */
public enum LiteralKind {
    BOOL,
    LONG,
    REAL,
    STRING,
    DATETIME,
    TIMESPAN,
    DYNAMIC
}
