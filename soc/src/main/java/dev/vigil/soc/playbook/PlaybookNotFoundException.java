package dev.vigil.soc.playbook;

/** No playbook (or no such version of it) in the workspace. */
public final class PlaybookNotFoundException extends PlaybookException {

    public PlaybookNotFoundException(String workspaceId, String name) {
        super("workspace '" + workspaceId + "' has no playbook '" + name + "'");
    }

    public PlaybookNotFoundException(String workspaceId, String name, long version) {
        super("playbook '" + name + "' of workspace '" + workspaceId + "' has no version " + version);
    }

    @Override
    public String code() {
        return "NotFound";
    }

    @Override
    public int status() {
        return 404;
    }
}
