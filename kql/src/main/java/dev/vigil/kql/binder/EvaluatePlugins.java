package dev.vigil.kql.binder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plugins {@code evaluate} runs, each with how it differs from Kusto's in a few words. The
 * checklist in docs/kql.md is written from this list.
 */
public final class EvaluatePlugins {
    private static final Map<String, String> SUPPORTED = new LinkedHashMap<>();

    static {
        SUPPORTED.put("bag_unpack", "without declared columns the input is read twice (once to find the columns)");
        SUPPORTED.put("pivot", "without declared columns the input is read twice; values are matched by their text");
        SUPPORTED.put("ipv4_lookup", "every input row is compared with every lookup row (no range index): keep lookup tables small");
        SUPPORTED.put("ipv6_lookup", "every input row is compared with every lookup row (no range index): keep lookup tables small");
        SUPPORTED.put(NarrowPlugin.NAME, "values are written by tostring (bools as true/false, datetimes in ISO 8601)");
        SUPPORTED.put(RowsNearPlugin.NAME, "NumRows and RowsAfter are at most " + RowsNearPlugin.MAX_REACH);
        SUPPORTED.put(SlidingWindowCountsPlugin.NAME, "dcount is exact; no week, month or year bins");
        SUPPORTED.put(RollingPercentilePlugin.NAME, "exact nearest-rank percentiles (Kusto estimates)");
        SUPPORTED.put(ActivityCountsMetricsPlugin.NAME, "dcounts are exact; windows without rows are left out");
        SUPPORTED.put(SchemaMergePlugin.NAME, "PreserveOrder is not checked: columns are ordered by their smallest ordinal");
        SUPPORTED.put(SequenceDetectPlugin.NAME, "every matching combination of rows is a sequence; steps may share a timestamp");
        SUPPORTED.put(ActivityEngagementPlugin.NAME, "dcounts are exact; rows before Start are not read for the first outer windows");
        SUPPORTED.put(FunnelSequenceCompletionPlugin.NAME, "dcounts are exact");
        SUPPORTED.put(FunnelSequencePlugin.NAME, "dcounts are exact; rows of an id at one time are taken in the order of their states; "
                + "prev and next must be within MaxSequenceStepWindow of the sequence, as its steps are (Kusto does not say)");
        SUPPORTED.put(PreviewPlugin.NAME, "");
        SUPPORTED.put(ActiveUsersCountPlugin.NAME, "dcounts are exact; no week, month or year bins");
        SUPPORTED.put(ActivityMetricsPlugin.NAME, "dcounts are exact; windows without rows are left out; no week, month or year windows");
        SUPPORTED.put(NewActivityMetricsPlugin.NAME, "dcounts are exact; no Lookback table argument; no week, month or year windows; "
                + "a window with no new ids has no cohort rows");
        SUPPORTED.put(DcountIntersectPlugin.NAME, "exact counts (Vigil's hll values hold the values)");
    }

    private EvaluatePlugins() {
    }

    /** The supported plugins by name, each with its difference from Kusto's. */
    public static Map<String, String> supported() {
        return Collections.unmodifiableMap(SUPPORTED);
    }
}
