package dev.vigil.kql.sql;

/** Quoting of SQL identifiers, done in this one place. */
public final class SqlIdentifiers {
    private SqlIdentifiers() {
    }

    /** {@code "name"}, with embedded double quotes doubled. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
