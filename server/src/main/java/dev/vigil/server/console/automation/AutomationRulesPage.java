package dev.vigil.server.console.automation;

import dev.vigil.server.console.layout.Shell;

/** Automation's rules tab: the rules in run order, and where to create one. */
public record AutomationRulesPage(Shell shell, AutomationTabs tabs, RuleList rules, String newHref) {
}
