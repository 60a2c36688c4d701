package dev.vigil.server.api.admin;

import dev.vigil.server.api.InvalidRequestException;

/** The body of {@code POST /api/roleAssignments}, e.g. {@code {"user":"alice","role":"Reader","scope":"/workspaces/default"}}. */
record NewRoleAssignmentJson(String user, String role, String scope) {
    NewRoleAssignmentJson validated() {
        if (user == null || role == null || scope == null) {
            throw new InvalidRequestException("The body needs 'user', 'role' and 'scope', e.g. "
                    + "{\"user\":\"alice\",\"role\":\"Reader\",\"scope\":\"/workspaces/default\"}.");
        }
        return this;
    }
}
