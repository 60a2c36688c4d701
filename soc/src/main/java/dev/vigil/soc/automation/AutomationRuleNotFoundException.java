package dev.vigil.soc.automation;

/** No automation rule of that id in the workspace. */
public final class AutomationRuleNotFoundException extends AutomationRuleException {
    public AutomationRuleNotFoundException(String workspaceId, String id) {
        super("workspace '" + workspaceId + "' has no automation rule '" + id + "'");
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
