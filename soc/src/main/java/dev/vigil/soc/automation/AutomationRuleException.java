package dev.vigil.soc.automation;

import dev.vigil.soc.RefusedRequestException;

/** A refused request about automation rules; {@link #code()} and {@link #status()} are what the HTTP API answers. */
public abstract sealed class AutomationRuleException extends RefusedRequestException
        permits InvalidAutomationRuleException, ActionNotAvailableException, AutomationRuleNotFoundException, AutomationRuleEtagMismatchException {

    AutomationRuleException(String message) {
        super(message);
    }
}
