package dev.vigil.server.console.analytics;

/** The tabs of Analytics: Active rules and Rule templates, one of them current. */
public record AnalyticsTabs(String activeRulesHref, String templatesHref, boolean templatesCurrent) {
}
