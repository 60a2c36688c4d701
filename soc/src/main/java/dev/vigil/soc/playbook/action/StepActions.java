package dev.vigil.soc.playbook.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.incident.Incidents;
import dev.vigil.soc.outbound.HttpDestinations;
import dev.vigil.soc.outbound.HttpStepAllowList;
import dev.vigil.soc.playbook.PlaybookStep;
import dev.vigil.soc.watchlist.Watchlists;
import dev.vigil.workspace.api.LogStore;
import java.util.Optional;

/** Carries out one attempt of an action step; control steps ({@code if}, {@code forEach}) are the run's own business. */
public final class StepActions {
    private final HttpCalls http;
    private final SmtpMail mail = new SmtpMail();
    private final IncidentSteps incidents;
    private final WorkspaceSteps workspace;
    private final DeviceSteps devices;

    /** With no private address allowed to {@code http} steps. */
    public StepActions(LogStore logStore, Incidents incidents, Watchlists watchlists, Optional<DeviceServices> devices) {
        this(logStore, incidents, watchlists, devices, HttpStepAllowList.none());
    }

    /** @param httpAllowed the loopback, private and link-local addresses {@code http} steps may call */
    public StepActions(LogStore logStore, Incidents incidents, Watchlists watchlists, Optional<DeviceServices> devices, HttpStepAllowList httpAllowed) {
        this.http = new HttpCalls(new HttpDestinations(httpAllowed));
        this.incidents = new IncidentSteps(incidents);
        this.workspace = new WorkspaceSteps(logStore, watchlists);
        this.devices = new DeviceSteps(devices);
    }

    /**
     * @return the step's output
     * @throws StepFailedException when the attempt failed, saying why
     */
    public JsonNode perform(PlaybookStep step, StepCall call) {
        if (step instanceof PlaybookStep.HttpRequest request) {
            return http.send(request, call);
        } else if (step instanceof PlaybookStep.SendEmail email) {
            return mail.send(email, call);
        } else if (step instanceof PlaybookStep.UpdateIncident update) {
            return incidents.update(update, call);
        } else if (step instanceof PlaybookStep.AddComment comment) {
            return incidents.comment(comment, call);
        } else if (step instanceof PlaybookStep.AddTask task) {
            return incidents.task(task, call);
        } else if (step instanceof PlaybookStep.RunQuery query) {
            return workspace.query(query, call);
        } else if (step instanceof PlaybookStep.WatchlistLookup lookup) {
            return workspace.lookup(lookup, call);
        } else if (step instanceof PlaybookStep.DisableDevice disable) {
            return devices.disable(disable, call);
        } else if (step instanceof PlaybookStep.SendDeviceMessage message) {
            return devices.message(message, call);
        } else if (step instanceof PlaybookStep.SetDeviceTags tags) {
            return devices.tags(tags, call);
        } else if (step instanceof PlaybookStep.GetDevice device) {
            return devices.get(device, call);
        } else if (step instanceof PlaybookStep.InvokeDirectMethod method) {
            return devices.invokeMethod(method, call);
        } else if (step instanceof PlaybookStep.SetAlertStatus status) {
            return devices.alertStatus(status, call);
        } else if (step instanceof PlaybookStep.Compose compose) {
            return compose.value().render(call.values());
        }
        throw new IllegalArgumentException("a " + step.type() + " step is not an action");
    }
}
