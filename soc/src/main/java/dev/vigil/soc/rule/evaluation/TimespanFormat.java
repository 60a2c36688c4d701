package dev.vigil.soc.rule.evaluation;

import java.time.Duration;

/** Durations as Kusto prints timespans, {@code [d.]hh:mm:ss}, which is how Sentinel writes a rule's period in its alerts. */
final class TimespanFormat {
    private TimespanFormat() {
    }

    static String of(Duration duration) {
        long seconds = duration.getSeconds();
        long days = seconds / 86_400;
        String time = String.format("%02d:%02d:%02d", (seconds % 86_400) / 3600, (seconds % 3600) / 60, seconds % 60);
        return days > 0 ? days + "." + time : time;
    }
}
