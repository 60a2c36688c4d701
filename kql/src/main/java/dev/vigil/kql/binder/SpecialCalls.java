package dev.vigil.kql.binder;

import java.util.Set;

/**
 * The scalar functions the binder binds itself instead of through the function registry, because they depend on
 * the input's columns or on the query's options: {@code column_ifexists}, {@code pack_all}, {@code bin_auto},
 * {@code bag_pack_columns}, {@code estimate_data_size}, {@code ingestion_time} and the {@code current_...} functions of the caller.
 */
public final class SpecialCalls {
    static final String COLUMN_IFEXISTS = "column_ifexists";
    static final String PACK_ALL = "pack_all";
    static final String BIN_AUTO = "bin_auto";
    private static final Set<String> NAMES = names(Set.of(COLUMN_IFEXISTS, PACK_ALL, BIN_AUTO, BagPackColumnsCall.NAME, EstimateDataSizeCall.NAME,
            IngestionTimeCall.NAME), CallerCalls.NAMES);

    private SpecialCalls() {
    }

    private static Set<String> names(Set<String> first, Set<String> second) {
        java.util.Set<String> all = new java.util.HashSet<>(first);
        all.addAll(second);
        return Set.copyOf(all);
    }

    /** Their names. */
    public static Set<String> names() {
        return NAMES;
    }
}
