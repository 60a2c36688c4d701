package dev.vigil.soc.playbook.action;

/** A step's attempt that failed, with why in words for the run's record; it is tried again if the step has retries left. */
public final class StepFailedException extends RuntimeException {

    public StepFailedException(String message) {
        super(message);
    }

    public StepFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
