package dev.vigil.soc.playbook.run;

import dev.vigil.soc.incident.Incident;

/** What automation rules need of playbooks: to check a {@code RunPlaybook} action when a rule is saved, and to start the run. */
public interface PlaybookLauncher {

    /**
     * Throws {@link dev.vigil.soc.playbook.PlaybookException} when the workspace has no such playbook, or it
     * cannot start on an incident (Sentinel: only playbooks with an incident trigger).
     */
    void checkRunnableOnIncidents(String workspaceId, String playbook);

    /** Starts the playbook on the incident, once per origin (asking again after a crash starts nothing new). */
    void runOnIncident(String workspaceId, String playbook, Incident incident, String origin);
}
