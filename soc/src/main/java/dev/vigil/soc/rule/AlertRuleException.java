package dev.vigil.soc.rule;

import dev.vigil.soc.RefusedRequestException;

/** A refused request about analytics rules; {@link #code()} and {@link #status()} are what the HTTP API answers. */
public abstract sealed class AlertRuleException extends RefusedRequestException
        permits InvalidAlertRuleException, AlertRuleNotFoundException, AlertRuleEtagMismatchException, AlertRuleTemplateNotFoundException {

    AlertRuleException(String message) {
        super(message);
    }
}
