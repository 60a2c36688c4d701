package dev.vigil.soc.automation;

import java.util.Map;

/** The etag a save or delete named is not the rule's current one. */
public final class AutomationRuleEtagMismatchException extends AutomationRuleException {
    private final String current;

    public AutomationRuleEtagMismatchException(AutomationRule rule, String given) {
        super("automation rule '" + rule.id() + "' is at etag " + rule.etag() + ", not " + given + "; read it again and retry");
        this.current = rule.etag();
    }

    @Override
    public String code() {
        return "PreconditionFailed";
    }

    @Override
    public int status() {
        return 412;
    }

    @Override
    public Map<String, Object> innerError() {
        return Map.of("etag", current);
    }
}
