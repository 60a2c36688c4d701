package dev.vigil.soc.automation;

import dev.vigil.soc.incident.Closure;
import dev.vigil.soc.incident.IncidentLabel;
import dev.vigil.soc.incident.IncidentOwner;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.IncidentStatus;
import dev.vigil.soc.incident.NewIncidentTask;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An action of an automation rule, by Sentinel's {@code actionType}; a rule's actions run by {@code order}. */
public sealed interface AutomationAction {

    int order();

    /**
     * {@code ModifyProperties}: what is given is set; labels are added to the incident's.
     *
     * @param closure present exactly when the status is Closed: the classification, its reason and comment
     */
    record ModifyProperties(int order, Optional<IncidentStatus> status, Optional<Closure> closure, Optional<IncidentSeverity> severity,
            Optional<IncidentOwner> owner, List<IncidentLabel> labels) implements AutomationAction {
        public ModifyProperties {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(closure, "closure");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(owner, "owner");
            labels = List.copyOf(labels);
        }
    }

    /** {@code AddIncidentTask}: a task for the analyst, with a title and an optional description. */
    record AddIncidentTask(int order, NewIncidentTask task) implements AutomationAction {
        public AddIncidentTask {
            Objects.requireNonNull(task, "task");
        }
    }

    /**
     * {@code RunPlaybook}: starts the workspace's playbook {@code playbook} on the incident, after the rule's other actions.
     *
     * @param logicAppResourceId as given: a playbook's path ({@code /workspaces/{ws}/playbooks/{name}}), a Logic App's
     *     resource id ({@code .../providers/Microsoft.Logic/workflows/{name}}) or the name alone; its last segment names the playbook
     */
    record RunPlaybook(int order, String logicAppResourceId, String playbook, Optional<String> tenantId) implements AutomationAction {
        public RunPlaybook {
            Objects.requireNonNull(logicAppResourceId, "logicAppResourceId");
            Objects.requireNonNull(playbook, "playbook");
            Objects.requireNonNull(tenantId, "tenantId");
        }
    }
}
