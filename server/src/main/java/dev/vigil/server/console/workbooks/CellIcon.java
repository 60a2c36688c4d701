package dev.vigil.server.console.workbooks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The icons of Sentinel's grids (the icon formatter, 11, and thresholds shown as icons): a status
 * name ({@code success}, {@code warning}, {@code critical}, {@code Sev1}, {@code Available}, ...)
 * as the CSS class that draws its glyph in its colour. A name Vigil does not know has no icon; its
 * text still shows.
 */
final class CellIcon {
    private static final Map<String, String> ICONS = Map.ofEntries(
            Map.entry("success", "success"), Map.entry("available", "success"), Map.entry("resolved", "success"),
            Map.entry("warning", "warning"), Map.entry("degraded", "warning"), Map.entry("sev2", "warning"),
            Map.entry("critical", "critical"), Map.entry("error", "critical"), Map.entry("failed", "critical"), Map.entry("unavailable", "critical"),
            Map.entry("fired", "critical"), Map.entry("sev0", "critical"), Map.entry("sev1", "critical"),
            Map.entry("info", "info"), Map.entry("sev3", "info"), Map.entry("sev4", "info"),
            Map.entry("pending", "pending"), Map.entry("uninitialized", "pending"),
            Map.entry("unknown", "unknown"), Map.entry("question", "unknown"),
            Map.entry("cancelled", "stopped"), Map.entry("disabled", "stopped"), Map.entry("stopped", "stopped"),
            Map.entry("up", "up"), Map.entry("down", "down"), Map.entry("left", "left"), Map.entry("right", "right"),
            Map.entry("trendup", "trendup"), Map.entry("trenddown", "trenddown"));

    /** The names the editor offers for thresholds shown as icons. */
    static final List<String> NAMES = List.of("success", "warning", "critical", "error", "info", "pending", "unknown",
            "stopped", "Sev0", "Sev1", "Sev2", "Sev3", "Sev4", "Available", "Degraded", "Unavailable", "up", "down", "trendup", "trenddown");

    private CellIcon() {
    }

    /** {@code wb-icon-success} for {@code success} or {@code Available}; empty for {@code none}, {@code Blank} and unknown names. */
    static Optional<String> cssClass(String name) {
        return Optional.ofNullable(ICONS.get(name.strip().toLowerCase(Locale.ROOT))).map(icon -> "wb-icon-" + icon);
    }
}
