package dev.vigil.soc.incident;

import java.util.List;
import java.util.Objects;

/**
 * What an automation rule does to an incident in one change: an update of its properties, labels
 * added to those it has (whatever they are by then, none removed), and tasks added.
 */
public record AutomatedChange(IncidentUpdate update, List<IncidentLabel> addedLabels, List<NewIncidentTask> addedTasks) {
    public AutomatedChange {
        Objects.requireNonNull(update, "update");
        addedLabels = List.copyOf(addedLabels);
        addedTasks = List.copyOf(addedTasks);
    }
}
