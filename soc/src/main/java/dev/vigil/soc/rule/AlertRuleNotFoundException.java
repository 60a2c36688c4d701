package dev.vigil.soc.rule;

public final class AlertRuleNotFoundException extends AlertRuleException {
    public AlertRuleNotFoundException(String workspaceId, String ruleId) {
        super("there is no analytics rule '" + ruleId + "' in workspace '" + workspaceId + "'");
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
