package dev.vigil.soc.incident;

import java.util.List;
import java.util.Objects;

/**
 * What an automation rule or a playbook step does to an incident in one change: an update of its
 * properties, labels added to those it has (whatever they are by then, none removed), tasks and
 * comments added.
 */
public record AutomatedChange(IncidentUpdate update, List<IncidentLabel> addedLabels, List<NewIncidentTask> addedTasks, List<String> addedComments) {
    public AutomatedChange {
        Objects.requireNonNull(update, "update");
        addedLabels = List.copyOf(addedLabels);
        addedTasks = List.copyOf(addedTasks);
        addedComments = List.copyOf(addedComments);
    }

    public AutomatedChange(IncidentUpdate update, List<IncidentLabel> addedLabels, List<NewIncidentTask> addedTasks) {
        this(update, addedLabels, addedTasks, List.of());
    }

    public boolean isEmpty() {
        return update.equals(IncidentUpdate.none()) && addedLabels.isEmpty() && addedTasks.isEmpty() && addedComments.isEmpty();
    }
}
