package dev.vigil.soc.playbook;

import java.util.Map;

/** A refused request about playbooks or their runs; {@link #code()} and {@link #status()} are what the HTTP API answers. */
public abstract class PlaybookException extends RuntimeException {

    protected PlaybookException(String message) {
        super(message);
    }

    public abstract String code();

    public abstract int status();

    /** More about the error for the response's {@code innererror}, e.g. the path of the wrong value. */
    public Map<String, Object> innerError() {
        return Map.of();
    }
}
