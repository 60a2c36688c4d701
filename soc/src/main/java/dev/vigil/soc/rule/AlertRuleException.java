package dev.vigil.soc.rule;

import java.util.Map;

/** A refused request about analytics rules; {@link #code()} and {@link #status()} are what the HTTP API answers. */
public abstract sealed class AlertRuleException extends RuntimeException
        permits InvalidAlertRuleException, AlertRuleNotFoundException, AlertRuleEtagMismatchException, AlertRuleTemplateNotFoundException {

    AlertRuleException(String message) {
        super(message);
    }

    public abstract String code();

    public abstract int status();

    /** More about the error for the response's {@code innererror}, e.g. which property is wrong. */
    public Map<String, Object> innerError() {
        return Map.of();
    }
}
