package dev.vigil.kql.functions;

/**
 * How a datetime is written inside a dynamic value ({@code pack_array}, {@code bag_pack}, {@code make_list},
 * {@code make-series} axes, {@code todynamic}): Kusto's round-trip text, always with seven fraction digits
 * ({@code 2024-03-10T00:00:00.0000000Z}), where {@code tostring} of a datetime drops a zero fraction.
 * Every place that puts a datetime into a dynamic value uses this one rendering.
 */
public final class DynamicDatetime {
    private DynamicDatetime() {
    }

    /** SQL giving the text (a VARCHAR) of the TIMESTAMP {@code sql}; the seventh digit is 0 (microsecond precision). */
    public static String text(String sql) {
        return "(strftime(" + sql + ", '%Y-%m-%dT%H:%M:%S.%f') || '0Z')";
    }
}
