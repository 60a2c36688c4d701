package dev.vigil.soc.incident;

/** A refused request about incidents; {@link #code()} is what the HTTP API returns as the error code. */
public abstract sealed class IncidentException extends RuntimeException
        permits IncidentNotFoundException, InvalidIncidentException, IncidentStatusTransitionException, IncidentEtagMismatchException {

    private final String code;

    IncidentException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
