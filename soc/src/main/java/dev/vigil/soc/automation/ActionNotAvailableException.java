package dev.vigil.soc.automation;

import java.util.Map;

/** An action Sentinel has that Vigil does not run yet (playbooks), refused at save rather than saved to do nothing. */
public final class ActionNotAvailableException extends AutomationRuleException {
    private final String path;
    private final String actionType;

    public ActionNotAvailableException(String path, String actionType, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.actionType = actionType;
    }

    @Override
    public String code() {
        return "ActionNotAvailable";
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public Map<String, Object> innerError() {
        return Map.of("path", path, "actionType", actionType);
    }
}
