package dev.vigil.kql.sql;

/** The only place identifiers are quoted for DuckDB. */
public final class SqlIdentifiers {
    private SqlIdentifiers() {
    }

    /** {@code name} as a double-quoted DuckDB identifier, inner quotes doubled. */
    public static String quote(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier contains a NUL character");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
