package dev.vigil.soc.incident;

/** A value that no incident may hold, or a change that lacks what it needs (e.g. closing without a classification). */
public final class InvalidIncidentException extends IncidentException {
    static final String BAD_ARGUMENT = "BadArgumentError";
    static final String CLASSIFICATION_REQUIRED = "ClassificationRequired";

    InvalidIncidentException(String message) {
        super(BAD_ARGUMENT, message);
    }

    InvalidIncidentException(String code, String message) {
        super(code, message);
    }
}
