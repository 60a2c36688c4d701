package dev.vigil.server.api.admin;

/** A workspace as {@code /api/workspaces} shows it. */
record WorkspaceJson(String id) {
}
