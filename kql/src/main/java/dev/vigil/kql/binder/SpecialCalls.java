package dev.vigil.kql.binder;

import java.util.Set;

/**
 * The scalar functions the binder binds itself instead of through the function registry, because they depend on
 * the input's columns or on the query's options: {@code column_ifexists}, {@code pack_all} and {@code bin_auto}.
 */
public final class SpecialCalls {
    static final String COLUMN_IFEXISTS = "column_ifexists";
    static final String PACK_ALL = "pack_all";
    static final String BIN_AUTO = "bin_auto";
    private static final Set<String> NAMES = Set.of(COLUMN_IFEXISTS, PACK_ALL, BIN_AUTO);

    private SpecialCalls() {
    }

    /** Their names. */
    public static Set<String> names() {
        return NAMES;
    }
}
