package dev.vigil.soc.playbook;

/** No run with this id of the playbook. */
public final class PlaybookRunNotFoundException extends PlaybookException {

    public PlaybookRunNotFoundException(String name, String runId) {
        super("playbook '" + name + "' has no run '" + runId + "'");
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
