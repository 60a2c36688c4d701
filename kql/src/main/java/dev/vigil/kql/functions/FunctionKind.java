package dev.vigil.kql.functions;

public enum FunctionKind {
    /** One value per row. */
    SCALAR,
    /** One value per group; allowed only in {@code summarize}. */
    AGGREGATE,
    /** One value per row that depends on the rows around it; needs serialized (ordered) rows. */
    WINDOW
}
