package dev.vigil.server.console.automation;

import dev.vigil.server.console.layout.Shell;
import java.util.List;

/**
 * One run of a playbook, step by step: what each step was given, what it answered or why it failed, when, and its attempts.
 *
 * @param incident the run's incident as "#number title" (as it was when the run started), empty without one
 * @param incidentHref its page
 */
public record RunPage(Shell shell, AutomationTabs tabs, String playbook, String playbookHref, String runId, long version, String status,
        String trigger, String origin, String incident, String incidentHref, String started, String duration, String error, String inputs, List<Step> steps) {

    public record Step(String path, String type, String status, String started, String duration, int attempts, String attemptDetail, String input,
            String output, String error) {
    }
}
