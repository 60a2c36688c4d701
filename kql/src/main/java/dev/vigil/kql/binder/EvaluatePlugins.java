package dev.vigil.kql.binder;

import java.util.Map;

/**
 * The plugins {@code evaluate} runs, each with how it differs from Kusto's in a few words. The
 * checklist in docs/kql.md is written from this list.
 */
public final class EvaluatePlugins {
    private static final Map<String, String> SUPPORTED = Map.of(
            "bag_unpack", "without declared columns the input is read twice (once to find the columns)",
            "pivot", "without declared columns the input is read twice; values are matched by their text",
            "ipv4_lookup", "every input row is compared with every lookup row (no range index): keep lookup tables small",
            "ipv6_lookup", "every input row is compared with every lookup row (no range index): keep lookup tables small");

    private EvaluatePlugins() {
    }

    /** The supported plugins by name, each with its difference from Kusto's. */
    public static Map<String, String> supported() {
        return SUPPORTED;
    }
}
