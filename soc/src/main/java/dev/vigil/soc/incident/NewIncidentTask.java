package dev.vigil.soc.incident;

/** A task to add to an incident; it starts New. */
public record NewIncidentTask(String title, String description) {
    public NewIncidentTask {
        title = IncidentTask.checkedTitle(title);
        description = IncidentTask.checkedDescription(description);
    }
}
