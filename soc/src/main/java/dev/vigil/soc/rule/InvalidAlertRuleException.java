package dev.vigil.soc.rule;

import java.util.Map;

/** A rule body that cannot be saved; {@link #property()} names where the problem is, e.g. {@code properties.queryFrequency}. */
public final class InvalidAlertRuleException extends AlertRuleException {
    private final String property;

    public InvalidAlertRuleException(String property, String problem) {
        super(property + ": " + problem);
        this.property = property;
    }

    public String property() {
        return property;
    }

    @Override
    public String code() {
        return "InvalidAlertRule";
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public Map<String, Object> innerError() {
        return Map.of("property", property);
    }
}
