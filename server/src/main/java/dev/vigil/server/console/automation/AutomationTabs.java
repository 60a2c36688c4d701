package dev.vigil.server.console.automation;

/** The tabs of Automation: Automation rules and Active playbooks, one of them current. */
public record AutomationTabs(String rulesHref, String playbooksHref, boolean playbooksCurrent) {
}
