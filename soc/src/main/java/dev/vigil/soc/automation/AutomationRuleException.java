package dev.vigil.soc.automation;

import java.util.Map;

/** A refused request about automation rules; {@link #code()} and {@link #status()} are what the HTTP API answers. */
public abstract sealed class AutomationRuleException extends RuntimeException
        permits InvalidAutomationRuleException, ActionNotAvailableException, AutomationRuleNotFoundException, AutomationRuleEtagMismatchException {

    AutomationRuleException(String message) {
        super(message);
    }

    public abstract String code();

    public abstract int status();

    /** More about the error for the response's {@code innererror}, e.g. the JSON path of the wrong value. */
    public Map<String, Object> innerError() {
        return Map.of();
    }
}
