package dev.vigil.server.console.analytics;

/** A choice of a list in the wizard. */
public record Option(String value, String label, boolean selected) {
}
