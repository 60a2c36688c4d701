package dev.vigil.server.console.analytics;

import dev.vigil.server.console.layout.Shell;

/**
 * Analytics, on its Active rules tab.
 *
 * @param enabled how many of the workspace's rules are enabled
 * @param newScheduledHref the wizard for a new Scheduled rule; {@code newNrtHref} for a new NRT rule
 */
public record ActiveRulesPage(Shell shell, ActiveRules rules, long enabled, AnalyticsTabs tabs, String newScheduledHref, String newNrtHref) {
}
