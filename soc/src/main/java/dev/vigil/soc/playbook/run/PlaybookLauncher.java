package dev.vigil.soc.playbook.run;

import dev.vigil.soc.incident.Incident;
import java.util.List;

/**
 * What automation rules need of playbooks: to check a {@code RunPlaybook} action when a rule is
 * saved, and to start runs. Automation starts runs in two steps, so that recording them costs no
 * state-store operation of its own: {@link #prepareOnIncident} builds a run in memory, and
 * {@link #start} records a round's runs in one state transaction together with automation's own
 * record of how far it got, then starts them.
 */
public interface PlaybookLauncher {

    /**
     * Throws {@link dev.vigil.soc.playbook.PlaybookException} when the workspace has no such playbook, or it
     * cannot start on an incident (Sentinel: only playbooks with an incident trigger).
     */
    void checkRunnableOnIncidents(String workspaceId, String playbook);

    /** As {@link #checkRunnableOnIncidents}, for a rule triggered by alerts: the playbook must start on an alert. */
    void checkRunnableOnAlerts(String workspaceId, String playbook);

    /**
     * Starts the playbook on the alert (its {@code SystemAlertId}), once per origin: asking again
     * with the same origin (acting again on the alert after a crash) starts nothing new.
     */
    void startOnAlert(String workspaceId, String playbook, String systemAlertId, String origin);

    /**
     * The run of the playbook on the incident, checked and built but not recorded; its id is made
     * of {@code origin}, so the same origin always gives the same run. Throws
     * {@link dev.vigil.soc.playbook.PlaybookException} as {@link #checkRunnableOnIncidents} does.
     */
    PlaybookRun prepareOnIncident(String workspaceId, String playbook, Incident incident, String origin);

    /**
     * Records the runs, none of which may have been recorded before, in one state transaction
     * with {@code alongside} (the caller's own writes, which commit with them or not at all), then
     * starts them.
     */
    void start(List<PlaybookRun> runs, Runnable alongside);
}
