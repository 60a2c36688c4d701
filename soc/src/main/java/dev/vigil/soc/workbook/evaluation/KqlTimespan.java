package dev.vigil.soc.workbook.evaluation;

import java.time.Duration;

/** A duration as a KQL timespan literal, in the largest whole unit: {@code 7d}, {@code 12h}, {@code 30m}, {@code 90s}, {@code 250ms}. */
final class KqlTimespan {
    private KqlTimespan() {
    }

    static String of(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
