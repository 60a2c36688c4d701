package dev.vigil.kql;

/** A location {@code externaldata} names was refused or could not be read; the message says which and why. */
public final class ExternalDataException extends RuntimeException {
    public ExternalDataException(String message) {
        super(message);
    }

    public ExternalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
