package dev.vigil.soc.rule;

import java.util.Arrays;
import java.util.Optional;

/** Severity of a Sentinel alert ({@code SecurityAlert.AlertSeverity}), lowest first. */
public enum AlertSeverity {
    Informational, Low, Medium, High;

    /** The severity with this name, ignoring case, as {@code AlertSeverity} column values may be written. */
    public static Optional<AlertSeverity> parse(String text) {
        return text == null ? Optional.empty() : Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(text.trim())).findFirst();
    }
}
