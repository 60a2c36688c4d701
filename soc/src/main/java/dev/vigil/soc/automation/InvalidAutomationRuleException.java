package dev.vigil.soc.automation;

import java.util.Map;

/** A rule body that cannot be saved; {@link #path()} is the JSON path of the wrong value, e.g. {@code properties.actions[0].actionType}. */
public final class InvalidAutomationRuleException extends AutomationRuleException {
    private final String path;

    public InvalidAutomationRuleException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public String path() {
        return path;
    }

    @Override
    public String code() {
        return "InvalidAutomationRule";
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public Map<String, Object> innerError() {
        return Map.of("path", path);
    }
}
