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

    /**
     * SQL giving the text (a VARCHAR) of the TIMESTAMP_NS {@code sql}, to the tick: strftime reads a TIMESTAMP_NS
     * to the nanosecond (%n, nine digits), of which the first seven are the ticks; its years have four digits.
     */
    public static String text(String sql) {
        return "(left(strftime(" + sql + ", '%Y-%m-%dT%H:%M:%S.%n'), 27) || 'Z')";
    }

    /** {@code 2024-03-10T00:00:00}: the datetime's whole second (strftime cuts a TIMESTAMP_NS, where casts round it). */
    static String wholeSeconds(String datetime) {
        return "strftime(" + datetime + ", '%Y-%m-%dT%H:%M:%S')";
    }
}
