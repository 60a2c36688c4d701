package dev.vigil.soc.rule;

public final class AlertRuleTemplateNotFoundException extends AlertRuleException {
    public AlertRuleTemplateNotFoundException(String templateId) {
        super("there is no analytics rule template '" + templateId + "'");
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
