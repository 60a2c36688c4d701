package dev.vigil.kql.parser;

import java.util.Map;
import java.util.Optional;

/** The unit suffixes of timespan literals ({@code 1h}, {@code 30m}, {@code 100ms}, {@code 1tick}) in 100-ns ticks. */
final class TimespanUnits {
    static final long TICKS_PER_MICROSECOND = 10L;
    static final long TICKS_PER_MILLISECOND = 10_000L;
    static final long TICKS_PER_SECOND = 10_000_000L;
    static final long TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND;
    static final long TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE;
    static final long TICKS_PER_DAY = 24 * TICKS_PER_HOUR;

    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("d", TICKS_PER_DAY), Map.entry("day", TICKS_PER_DAY), Map.entry("days", TICKS_PER_DAY),
            Map.entry("h", TICKS_PER_HOUR), Map.entry("hr", TICKS_PER_HOUR), Map.entry("hrs", TICKS_PER_HOUR),
            Map.entry("hour", TICKS_PER_HOUR), Map.entry("hours", TICKS_PER_HOUR),
            Map.entry("m", TICKS_PER_MINUTE), Map.entry("min", TICKS_PER_MINUTE), Map.entry("minute", TICKS_PER_MINUTE),
            Map.entry("minutes", TICKS_PER_MINUTE),
            Map.entry("s", TICKS_PER_SECOND), Map.entry("sec", TICKS_PER_SECOND), Map.entry("second", TICKS_PER_SECOND),
            Map.entry("seconds", TICKS_PER_SECOND),
            Map.entry("ms", TICKS_PER_MILLISECOND), Map.entry("milli", TICKS_PER_MILLISECOND),
            Map.entry("millis", TICKS_PER_MILLISECOND), Map.entry("millisecond", TICKS_PER_MILLISECOND),
            Map.entry("milliseconds", TICKS_PER_MILLISECOND),
            Map.entry("microsecond", TICKS_PER_MICROSECOND), Map.entry("microseconds", TICKS_PER_MICROSECOND),
            Map.entry("tick", 1L), Map.entry("ticks", 1L));

    private TimespanUnits() {
    }

    static Optional<Long> ticksPer(String unit) {
        return Optional.ofNullable(UNITS.get(unit));
    }
}
