package dev.vigil.server.console.analytics;

import dev.vigil.server.console.layout.Shell;

/**
 * Analytics, on its Active rules tab.
 *
 * @param newScheduledHref the wizard for a new Scheduled rule; {@code newNrtHref} for a new NRT rule
 * @param importHref where the Import panel sends rule files
 */
public record ActiveRulesPage(Shell shell, ActiveRules rules, AnalyticsTabs tabs, String newScheduledHref, String newNrtHref, String importHref) {
}
