package dev.vigil.server.console.layout;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages show an instant: UTC, to the second, as Sentinel's lists do ({@code 2026-12-07 10:15:02 UTC}). */
public final class DisplayTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private DisplayTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
