package dev.vigil.server.console.analytics;

import dev.vigil.server.console.layout.Shell;

/** Analytics, on its Active rules tab. */
public record ActiveRulesPage(Shell shell, ActiveRules rules, long enabled) {
}
