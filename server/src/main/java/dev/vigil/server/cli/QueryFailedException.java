package dev.vigil.server.cli;

/** Why {@code vigil query} could not print a result, with the exit code that says so. */
final class QueryFailedException extends Exception {
    private final int exitCode;

    QueryFailedException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
