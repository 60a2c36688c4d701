package dev.vigil.soc.rule;

import java.util.Map;

/** The write named an etag that is not the rule's current one: someone saved it in between. */
public final class AlertRuleEtagMismatchException extends AlertRuleException {
    private final String currentEtag;

    public AlertRuleEtagMismatchException(String ruleId, String givenEtag, String currentEtag) {
        super("analytics rule '" + ruleId + "' has etag " + currentEtag + ", not " + givenEtag
                + ": it was changed since you read it; read it again and reapply your change");
        this.currentEtag = currentEtag;
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
        return Map.of("currentEtag", currentEtag);
    }
}
