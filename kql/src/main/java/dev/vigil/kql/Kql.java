package dev.vigil.kql;

import dev.vigil.kql.catalog.Catalog;

/**
 * The one entry point of the KQL module: text in, positioned diagnostics, the output schema and
 * DuckDB SQL out. Compilation never throws for bad input; every problem is a diagnostic.
 */
public final class Kql {
    private Kql() {
    }

    public static Compilation compile(String text, Catalog catalog, CompileOptions options) {
        throw new IllegalStateException("the KQL compiler lands with the kql worktree");
    }
}
