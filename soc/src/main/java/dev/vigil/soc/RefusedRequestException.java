package dev.vigil.soc;

import java.util.Map;

/**
 * A request the SOC refuses (a rule, automation rule, watchlist, playbook, workbook or hunting
 * request that is wrong, names nothing, or lost a race); {@link #code()} and {@link #status()} are
 * what the HTTP API answers, so that one mapping there serves every area.
 */
public abstract class RefusedRequestException extends RuntimeException {

    protected RefusedRequestException(String message) {
        super(message);
    }

    public abstract String code();

    public abstract int status();

    /** More about the error for the response's {@code innererror}, e.g. the path of the wrong value. */
    public Map<String, Object> innerError() {
        return Map.of();
    }
}
