package dev.vigil.kql;

import java.util.Objects;

/**
 * Who runs a query and where, as {@code current_principal()} and {@code current_database()} report it.
 *
 * @param principal the signed-in user's name (empty when the caller is Vigil itself: rules, automation)
 * @param database the workspace the query runs in (empty when not known)
 */
public record QueryCaller(String principal, String database) {
    /** A caller that is not known: both names empty. */
    public static final QueryCaller UNKNOWN = new QueryCaller("", "");

    public QueryCaller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(database, "database");
    }
}
