package dev.vigil.soc.playbook;

import dev.vigil.soc.RefusedRequestException;

/** A refused request about playbooks or their runs; {@link #code()} and {@link #status()} are what the HTTP API answers. */
public abstract class PlaybookException extends RefusedRequestException {

    protected PlaybookException(String message) {
        super(message);
    }
}
