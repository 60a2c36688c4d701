package dev.vigil.workspace.ingest;

/** A value that does not fit its column; the message is the reason shown to the user. */
final class InvalidValueException extends Exception {
    InvalidValueException(String reason) {
        super(reason, null, false, false);
    }
}
