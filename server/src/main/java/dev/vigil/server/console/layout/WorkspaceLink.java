package dev.vigil.server.console.layout;

/** An entry of the workspace switcher: the same page in another workspace. */
public record WorkspaceLink(String id, String href, boolean current) {
}
