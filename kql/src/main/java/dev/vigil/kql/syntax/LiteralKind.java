package dev.vigil.kql.syntax;

/** The literal forms KQL has. */
public enum LiteralKind {
    BOOL,
    INT,
    LONG,
    REAL,
    STRING,
    DATETIME,
    TIMESPAN,
    GUID,
    DECIMAL,
    DYNAMIC
}
