package dev.vigil.soc.incident;

/** No incident of the workspace has this name (GUID) or number. */
public final class IncidentNotFoundException extends IncidentException {
    IncidentNotFoundException(String workspaceId, String incident) {
        super("IncidentNotFound", "there is no incident '" + incident + "' in workspace '" + workspaceId + "'");
    }
}
